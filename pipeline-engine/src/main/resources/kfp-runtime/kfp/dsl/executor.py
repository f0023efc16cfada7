"""The executor of lightweight Python components, written from KFP's executor contract (Quarkflow).

It reads the ExecutorInput, calls the component function with typed arguments, and writes output parameters
and artifacts into the executor output file (``outputs.outputFile``) as ``{"parameterValues": …,
"artifacts": {name: {"artifacts": [{name, uri, metadata}]}}}``.
"""

import argparse
import ast
import importlib.util
import json
import os
import sys
import typing

from kfp import dsl
from kfp.dsl import types as artifact_types

MISSING_PACKAGES_EXIT_CODE = 3

# A parameter without a default or annotation (inspect.Parameter.empty when inspect had to be asked).
_EMPTY = object()


def main(argv):
    parser = argparse.ArgumentParser(prog="kfp.dsl.executor_main")
    parser.add_argument("--executor_input", required=True)
    parser.add_argument("--function_to_execute", required=True)
    parser.add_argument("--component_module_path")
    args, _unknown = parser.parse_known_args(argv)

    if not args.component_module_path:
        sys.stderr.write("Quarkflow's kfp runtime runs lightweight components only: function %r has no "
                         "--component_module_path (containerized Python components need their image)\n"
                         % args.function_to_execute)
        return 2
    with open(args.component_module_path, encoding="utf-8") as f:
        source = f.read()
    missing = missing_modules(source)
    if missing:
        sys.stderr.write("component needs Python packages that are not installed here: %s\n" % ", ".join(missing))
        return MISSING_PACKAGES_EXIT_CODE

    spec = importlib.util.spec_from_file_location("ephemeral_component", args.component_module_path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["ephemeral_component"] = module
    spec.loader.exec_module(module)
    function = getattr(module, args.function_to_execute, None)
    if function is None:
        sys.stderr.write("function %r not found in the component source\n" % args.function_to_execute)
        return 2
    Executor(json.loads(args.executor_input), function).execute()
    return 0


def missing_modules(source):
    """Top-level names of modules the source imports (outside try blocks) that cannot be found here."""
    tree = ast.parse(source)
    guarded = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Try):
            for child in node.body:
                for inner in ast.walk(child):
                    guarded.add(id(inner))
    names = []
    for node in ast.walk(tree):
        if id(node) in guarded:
            continue
        if isinstance(node, ast.Import):
            names.extend(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module.split(".")[0])
    missing = []
    for name in dict.fromkeys(names):
        if name == "kfp" or name in sys.builtin_module_names:
            continue
        if importlib.util.find_spec(name) is None:
            missing.append(name)
    return missing


def _unwrap_optional(annotation):
    if typing.get_origin(annotation) is typing.Union:
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def _io_marker(annotation):
    """(marker kind or None, inner type) of an Input[T]/Output[T] annotation."""
    annotation = _unwrap_optional(annotation)
    if typing.get_origin(annotation) is typing.Annotated:
        for meta in annotation.__metadata__:
            if meta is dsl.INPUT_MARKER:
                return "input", typing.get_args(annotation)[0]
            if meta is dsl.OUTPUT_MARKER:
                return "output", typing.get_args(annotation)[0]
            if meta is dsl.EMBEDDED_MARKER:
                return "embedded", typing.get_args(annotation)[0]
    return None, annotation


def _artifact_type(annotation):
    """(artifact class, is_list) when the annotation is an artifact type or a list of one, else (None, False)."""
    annotation = _unwrap_optional(annotation)
    if typing.get_origin(annotation) in (list, typing.List):
        args = typing.get_args(annotation)
        if args and isinstance(args[0], type) and issubclass(args[0], artifact_types.Artifact):
            return args[0], True
        return None, False
    if isinstance(annotation, type) and issubclass(annotation, artifact_types.Artifact):
        return annotation, False
    return None, False


def _make_artifact(runtime, cls):
    schema = runtime.get("type", {}).get("schemaTitle", "")
    if cls is None or cls is artifact_types.Artifact:
        cls = artifact_types.artifact_class(schema)
    artifact = cls(name=runtime.get("name", ""), uri=runtime.get("uri", ""),
                   metadata=dict(runtime.get("metadata", {}) or {}))
    if runtime.get("customPath"):
        artifact.custom_path = runtime["customPath"]
    return artifact


def _parameter(value, annotation):
    annotation = _unwrap_optional(annotation)
    if value is None:
        return None
    if annotation is int and isinstance(value, (float, str)):
        return int(float(value))
    if annotation is float and isinstance(value, (int, str)):
        return float(value)
    if annotation is bool and isinstance(value, str):
        return value.strip().lower() == "true"
    if annotation is str and not isinstance(value, str):
        return json.dumps(value) if isinstance(value, (list, dict)) else str(value)
    origin = typing.get_origin(annotation) or annotation
    if origin in (list, dict) and isinstance(value, str):
        return json.loads(value)
    if isinstance(value, float) and value.is_integer() and annotation not in (float,):
        if annotation is _EMPTY or origin in (list, dict):
            return int(value)
    return _ints(value) if origin in (list, dict) else value


def _ints(value):
    """JSON numbers that are integral come back as ints (as the SDK's JSON round trip gives them)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, list):
        return [_ints(v) for v in value]
    if isinstance(value, dict):
        return {k: _ints(v) for k, v in value.items()}
    return value


def _final_status(value):
    value = value or {}
    error = value.get("error") or {}
    return artifact_types.PipelineTaskFinalStatus(
        state=value.get("state"),
        pipeline_job_resource_name=value.get("pipelineJobResourceName", value.get("pipeline_job_resource_name")),
        pipeline_task_name=value.get("pipelineTaskName", value.get("pipeline_task_name")),
        error_code=error.get("code"),
        error_message=error.get("message"),
    )


def _parameters(function):
    """(name, default, annotation) of each parameter, _EMPTY where there is none, as inspect.signature gives them.

    A plain function's are read from its code object; importing inspect costs every task a few milliseconds of
    interpreter start, so it is asked only for anything else (wrapped functions, *args/**kwargs, callables).
    """
    code = getattr(function, "__code__", None)
    if code is None or hasattr(function, "__wrapped__") or code.co_flags & (0x04 | 0x08):  # VARARGS, VARKEYWORDS
        import inspect

        def given(value):
            return _EMPTY if value is inspect.Parameter.empty else value
        return [(p.name, given(p.default), given(p.annotation))
                for p in inspect.signature(function).parameters.values()]
    names = code.co_varnames[:code.co_argcount + code.co_kwonlyargcount]
    positional = names[:code.co_argcount]
    defaults = dict(zip(positional[len(positional) - len(function.__defaults__ or ()):], function.__defaults__ or ()))
    defaults.update(function.__kwdefaults__ or {})
    annotations = getattr(function, "__annotations__", {}) or {}
    return [(name, defaults.get(name, _EMPTY), annotations.get(name, _EMPTY)) for name in names]


def _jsonable(value):
    if isinstance(value, tuple):
        return list(value)
    return value


class Executor:
    def __init__(self, executor_input, function):
        self.function = function
        self.inputs = executor_input.get("inputs", {})
        self.outputs = executor_input.get("outputs", {})
        self.parameter_values = self.inputs.get("parameterValues", {})
        self.input_artifacts = self.inputs.get("artifacts", {})
        self.output_parameters = self.outputs.get("parameters", {})
        self.output_artifacts_spec = self.outputs.get("artifacts", {})
        self.output_artifacts = {}
        self.parameter_outputs = {}
        output_file = self.outputs.get("outputFile", "")
        self.task_root = os.path.dirname(output_file)
        dsl._task_root_uri = self._task_root_uri()

    def _task_root_uri(self):
        for spec in self.output_artifacts_spec.values():
            artifacts = spec.get("artifacts", [])
            if artifacts and artifacts[0].get("uri"):
                return artifacts[0]["uri"].rsplit("/", 1)[0]
        return artifact_types.uri_for_path(self.task_root)

    def _input_artifacts(self, name):
        return self.input_artifacts.get(name, {}).get("artifacts", [])

    def _output_artifact(self, name, cls):
        runtime = self.output_artifacts_spec.get(name, {}).get("artifacts", [{}])[0]
        artifact = _make_artifact(runtime, cls)
        os.makedirs(os.path.dirname(artifact.path) or ".", exist_ok=True)
        self.output_artifacts[name] = [artifact]
        return artifact

    def _argument(self, name, default, annotation):
        has_default = default is not _EMPTY
        marker, inner = _io_marker(annotation)
        cls, is_list = _artifact_type(inner)
        if marker == "output":
            return self._output_artifact(name, cls)
        if marker == "embedded":
            # The SDK embeds files as an archive the module extracts on import; the artifact is that file or folder.
            module_globals = getattr(self.function, "__globals__", {})
            path = module_globals.get("__KFP_EMBEDDED_ASSET_FILE") or module_globals.get("__KFP_EMBEDDED_ASSET_DIR")
            artifact = (cls or artifact_types.Artifact)(name=name)
            artifact.custom_path = path
            return artifact
        if marker == "input" or cls is not None:
            runtimes = self._input_artifacts(name)
            if not runtimes:
                return default if has_default else None
            artifacts = [_make_artifact(r, cls) for r in runtimes]
            return artifacts if is_list else artifacts[0]
        annotation = _unwrap_optional(annotation)
        if isinstance(annotation, dsl.InputPath):
            runtimes = self._input_artifacts(name)
            if runtimes:
                return _make_artifact(runtimes[0], None).path
            if name in self.parameter_values:
                return self._parameter_as_file(name)
            return default if has_default else None
        if isinstance(annotation, dsl.OutputPath):
            if name in self.output_parameters:
                path = self.output_parameters[name]["outputFile"]
                os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
                return path
            return self._output_artifact(name, None).path
        if annotation is artifact_types.PipelineTaskFinalStatus:
            return _final_status(self.parameter_values.get(name))
        if name in self.parameter_values:
            return _parameter(self.parameter_values[name], annotation)
        return default if has_default else None

    def _parameter_as_file(self, name):
        path = os.path.join(self.task_root, ".inputs", name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        value = self.parameter_values[name]
        with open(path, "w", encoding="utf-8") as f:
            f.write(value if isinstance(value, str) else json.dumps(value))
        return path

    def execute(self):
        parameters = _parameters(self.function)
        try:
            hints = typing.get_type_hints(self.function, include_extras=True) if parameters else {}
        except Exception:  # annotations that are instances (InputPath(...)) or unresolvable names
            hints = {}
        kwargs = {}
        for name, default, annotation in parameters:
            kwargs[name] = self._argument(name, default, hints.get(name, annotation))
        result = self.function(**kwargs)
        self._record_return(result)
        self._write_executor_output()

    def _record_return(self, result):
        if result is None:
            return
        if isinstance(result, tuple) and hasattr(result, "_fields"):
            for field in result._fields:
                self._record_output(field, getattr(result, field))
            return
        self._record_output("Output", result)

    def _record_output(self, name, value):
        if name in self.output_parameters:
            self.parameter_outputs[name] = _jsonable(value)
        elif name in self.output_artifacts_spec:
            values = value if isinstance(value, list) else [value]
            if all(isinstance(v, artifact_types.Artifact) for v in values):
                self.output_artifacts[name] = values
                return
            # A plain value returned for an artifact output is written into the artifact's file.
            artifact = self._output_artifact(name, None)
            mode = "wb" if isinstance(value, bytes) else "w"
            with open(artifact.path, mode) as f:
                f.write(value if isinstance(value, (str, bytes)) else json.dumps(value))
        else:
            raise ValueError("the function returned %r, which is not a declared output" % name)

    def _write_executor_output(self):
        artifacts = {}
        for name, values in self.output_artifacts.items():
            entries = []
            for artifact in values:
                entry = {"name": artifact.name or name, "uri": artifact.uri, "metadata": artifact.metadata}
                if artifact.custom_path:
                    entry["customPath"] = artifact.custom_path
                entries.append(entry)
            artifacts[name] = {"artifacts": entries}
        output = {}
        if self.parameter_outputs:
            output["parameterValues"] = self.parameter_outputs
        if artifacts:
            output["artifacts"] = artifacts
        output_file = self.outputs.get("outputFile")
        if output_file:
            os.makedirs(os.path.dirname(output_file) or ".", exist_ok=True)
            with open(output_file, "w", encoding="utf-8") as f:
                json.dump(output, f)
