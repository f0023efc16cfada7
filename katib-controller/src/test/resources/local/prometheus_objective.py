"""Test trial: minimises (x-1)^2 + y and exposes it in the Prometheus text format on 127.0.0.1:<port>/metrics
while it "trains" (the loss goes down in three steps), then exits."""
import argparse
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

state = {"loss": None, "accuracy": None}


class Metrics(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path != "/metrics":
            self.send_error(404)
            return
        lines = ["# HELP loss training loss", "# TYPE loss gauge", "python_info{version=\"3\"} 1"]
        if state["loss"] is not None:
            lines.append("loss %r" % state["loss"])
            lines.append("accuracy{split=\"test\",note=\"a } b\"} %r" % state["accuracy"])
        body = ("\n".join(lines) + "\n").encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; version=0.0.4")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--x", type=float, required=True)
    parser.add_argument("--y", type=int, required=True)
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Metrics)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    loss = (args.x - 1) ** 2 + args.y
    for step in range(3):
        state["loss"] = loss + (2 - step)
        state["accuracy"] = 0.5 + 0.1 * step
        time.sleep(1.2)
    server.shutdown()
    print("trial done")


if __name__ == "__main__":
    main()
