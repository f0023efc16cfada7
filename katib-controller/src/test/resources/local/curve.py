"""A trial with a learning curve: prints loss = (x-1)^2 + y + 1/step for steps 1..8, one step every --step-sleep
seconds, in upstream's StdOut format; ends with a "done" line, so a trial killed early never prints it.

Usage: python3 curve.py --x=X --y=Y [--step-sleep=SECONDS]
"""
import os
import sys
import time

args = dict(arg[2:].split("=", 1) for arg in sys.argv[1:])
x = float(args["x"])
y = int(args["y"])
pause = float(args.get("step-sleep", "0.3"))
for step in range(1, 9):
    print("step=%d loss=%f" % (step, (x - 1) ** 2 + y + 1.0 / step), flush=True)
    time.sleep(pause)
print("trial %s done" % os.environ.get("KATIB_TRIAL_NAME"), flush=True)
os._exit(0)
