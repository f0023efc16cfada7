#!/usr/bin/env bash
# Generates Python messages and gRPC stubs from Quarkflow's protos into OUT_DIR (default proto/python/build).
# Needs Debian's protoc 3.21 (protobuf-compiler) and grpc_python_plugin (protobuf-compiler-grpc): the protoc
# inside python3-grpc-tools is 3.5 and rejects proto3 `optional`, which KFP's protos use.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
protos="$here/../src/main/proto"
deps="$here/../src/main/proto-deps"
out="${1:-$here/build}"
protoc=/usr/bin/protoc
plugin=/usr/bin/grpc_python_plugin

for tool in "$protoc" "$plugin"; do
  if [ ! -x "$tool" ]; then
    echo "generate.sh: $tool is missing; install Debian's protobuf-compiler and protobuf-compiler-grpc" >&2
    exit 1
  fi
done

mkdir -p "$out"
mapfile -t files < <(cd "$protos" && find . -name '*.proto' | sed 's|^\./||' | sort)
mapfile -t dep_files < <(cd "$deps" && find . -name '*.proto' | sed 's|^\./||' | sort)
"$protoc" -I "$protos" -I "$deps" --python_out="$out" \
  --plugin=protoc-gen-grpc_python="$plugin" --grpc_python_out="$out" "${files[@]}"
"$protoc" -I "$deps" --python_out="$out" "${dep_files[@]}"
echo "generated Python for ${#files[@]} Quarkflow and ${#dep_files[@]} google protos into $out" >&2
