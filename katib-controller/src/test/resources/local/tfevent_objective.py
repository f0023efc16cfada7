"""Test trial: minimises (x-1)^2 + y and writes TensorBoard event files (TFRecord framing, tensorflow.Event
protos) by hand, without TensorFlow: loss as old-style simple_value scalars under <logdir>/train, accuracy as a
float32 scalar tensor under <logdir>/test."""
import argparse
import os
import socket
import struct
import time

_POLY = 0x82F63B78
_TABLE = []
for _i in range(256):
    _c = _i
    for _ in range(8):
        _c = (_c >> 1) ^ _POLY if _c & 1 else _c >> 1
    _TABLE.append(_c)


def crc32c(data):
    crc = 0xFFFFFFFF
    for b in data:
        crc = _TABLE[(crc ^ b) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF


def masked(data):
    crc = crc32c(data)
    return ((((crc >> 15) | (crc << 17)) & 0xFFFFFFFF) + 0xA282EAD8) & 0xFFFFFFFF


def varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def field(number, wire_type, payload):
    key = varint((number << 3) | wire_type)
    if wire_type == 2:
        return key + varint(len(payload)) + payload
    return key + payload


def event(wall_time, step, summary=None, file_version=None):
    body = field(1, 1, struct.pack("<d", wall_time)) + field(2, 0, varint(step))
    if file_version is not None:
        body += field(3, 2, file_version.encode())
    if summary is not None:
        body += field(5, 2, summary)
    return body


def simple_value(tag, value):
    return field(1, 2, field(1, 2, tag.encode()) + field(2, 5, struct.pack("<f", value)))


def float_tensor(tag, value):
    tensor = field(1, 0, varint(1)) + field(2, 2, b"") + field(5, 2, struct.pack("<f", value))
    return field(1, 2, field(1, 2, tag.encode()) + field(8, 2, tensor))


def write(path, events):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        for data in events:
            length = struct.pack("<Q", len(data))
            f.write(length + struct.pack("<I", masked(length)) + data + struct.pack("<I", masked(data)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--x", type=float, required=True)
    parser.add_argument("--y", type=int, required=True)
    parser.add_argument("--logdir", required=True)
    args = parser.parse_args()
    loss = (args.x - 1) ** 2 + args.y
    name = "events.out.tfevents.%d.%s.%d" % (int(time.time()), socket.gethostname(), os.getpid())
    now = time.time()
    train = [event(now, 0, file_version="brain.Event:2")]
    for step in range(3):
        train.append(event(now + step, step, summary=simple_value("loss", loss + (2 - step))))
    write(os.path.join(args.logdir, "train", name), train)
    write(os.path.join(args.logdir, "test", name),
          [event(now, 0, file_version="brain.Event:2"), event(now + 3, 3, summary=float_tensor("accuracy", 0.5))])
    print("trial done")


if __name__ == "__main__":
    main()
