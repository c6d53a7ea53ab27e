"""A small worker: `serve` accepts jobs on a loopback port; `submit` sends one and prints the result.

The worker imports each job's handler by a computed name, only when a job arrives, and logs a
traceback when that fails while it stays up: the way a real worker hides a frozen-build bug.
"""
import argparse
import importlib
import signal
import socket
import sys
import traceback


def serve(port: int) -> int:
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(True))
    srv = socket.socket()
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", port))
    srv.listen()
    srv.settimeout(0.2)
    print(f"worker ready on {port}", flush=True)
    while not stop:
        try:
            conn, _ = srv.accept()
        except socket.timeout:
            continue
        except InterruptedError:
            continue
        with conn:
            kind, _, payload = conn.recv(4096).decode().partition(" ")
            try:
                handler = importlib.import_module(f"jobs.{kind}")
                reply = "ok " + handler.handle(payload)
            except Exception:
                traceback.print_exc()
                sys.stderr.flush()
                reply = "error job failed"
            conn.sendall(reply.encode())
    srv.close()
    print("worker drained, bye", flush=True)
    return 0


def submit(port: int, kind: str, payload: str) -> int:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
        conn.sendall(f"{kind} {payload}".encode())
        reply = conn.recv(4096).decode()
    print(reply)
    return 0 if reply.startswith("ok ") else 1


def main() -> int:
    parser = argparse.ArgumentParser(prog="service-job")
    parser.add_argument("--version", action="version", version="service-job 0.1.0")
    parser.add_argument("--port", type=int, default=8765)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("serve")
    s = sub.add_parser("submit")
    s.add_argument("kind")
    s.add_argument("payload")
    args = parser.parse_args()
    if args.command == "serve":
        return serve(args.port)
    return submit(args.port, args.kind, args.payload)


if __name__ == "__main__":
    sys.exit(main())
