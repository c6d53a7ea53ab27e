"""A well-behaved service: it handles SIGTERM (says so, drains for SIGTERM_SERVICE_DRAIN seconds,
and exits 0) and leaves SIGINT to Python."""
import argparse
import os
import signal
import sys
import time

stopping = False


def on_sigterm(signum, frame):
    global stopping
    # os.write, not print: the signal may land while the main thread is inside print() itself.
    os.write(1, b"sigterm-service: SIGTERM handler ran, stopping\n")
    stopping = True


def main() -> int:
    parser = argparse.ArgumentParser(prog="sigterm-service")
    parser.add_argument("--version", action="store_true")
    args = parser.parse_args()
    if args.version:
        print("sigterm-service 0.1.0")
        return 0
    signal.signal(signal.SIGTERM, on_sigterm)
    print("sigterm-service ready", flush=True)
    deadline = time.monotonic() + 120  # bounded even if nobody stops it
    while not stopping and time.monotonic() < deadline:
        time.sleep(0.1)
    # A service that drains its work before it exits: SIGTERM_SERVICE_DRAIN seconds of it.
    drain = float(os.environ.get("SIGTERM_SERVICE_DRAIN", "0") or 0)
    if drain:
        print(f"sigterm-service: draining for {drain:g} s", flush=True)
        time.sleep(min(drain, 60))
    print("sigterm-service: stopped", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
