"""A trial: prints its loss the way upstream's StdOut collector reads it, then exits at once (os._exit, no cleanup),
so the controller must rely on what was already written.

Usage: python3 objective.py --x=X --y=Y [--sleep=SECONDS] [--fail-if-y=N]
"""
import os
import sys
import time

args = dict(arg[2:].split("=", 1) for arg in sys.argv[1:])
x = float(args["x"])
y = int(args["y"])
time.sleep(float(args.get("sleep", "0")))
if "fail-if-y" in args and y == int(args["fail-if-y"]):
    print("diverged", flush=True)
    os._exit(3)
print("epoch=1 loss=%f accuracy=%f" % ((x - 1) ** 2 + y + 1, 1.0 / (1 + y)), flush=True)
print("epoch=2 loss=%f accuracy=%f" % ((x - 1) ** 2 + y, 1.0 / (1 + y)), flush=True)
print("trial %s done" % os.environ.get("KATIB_TRIAL_NAME"), flush=True)
os._exit(0)
