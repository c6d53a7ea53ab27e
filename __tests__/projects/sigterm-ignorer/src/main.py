"""A badly behaved service: it ignores SIGTERM, so a graceful-shutdown check must time out."""
import argparse
import signal
import sys
import time


def main() -> int:
    parser = argparse.ArgumentParser(prog="sigterm-ignorer")
    parser.add_argument("--version", action="store_true")
    args = parser.parse_args()
    if args.version:
        print("sigterm-ignorer 0.1.0")
        return 0
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    print("sigterm-ignorer ready", flush=True)
    deadline = time.monotonic() + 120  # bounded even if nobody kills it
    while time.monotonic() < deadline:
        print("still working", flush=True)
        time.sleep(0.5)
    return 0


if __name__ == "__main__":
    sys.exit(main())
