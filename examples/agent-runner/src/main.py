"""agent-runner: the light example service.

It has the shape of the real Temporal worker (see examples/agent-runner-temporal): a CLI with
--help and --version, a long-running worker mode that reads its configuration from the
environment and shuts down cleanly on SIGTERM.
"""
import argparse
import multiprocessing
import os
import signal
import sys
import threading

from dotenv import load_dotenv

VERSION = "0.1.0"


def env_status(name: str) -> str:
    """Says whether a variable is set, never what it holds."""
    return "set" if os.environ.get(name) else "not set"


def serve(args: argparse.Namespace) -> int:
    load_dotenv()  # a .env beside the working directory, as in development
    stop = threading.Event()
    received = []

    def on_signal(signum, _frame):
        # No printing here: the handler can interrupt a print() in progress, and re-entering
        # stdout's buffer raises RuntimeError. Just note the signal and wake the loop.
        received.append(signal.Signals(signum).name)
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    address = os.environ.get("TEMPORAL_ADDRESS", "localhost:7233")
    print(f"agent-runner {VERSION}: task queue {args.task_queue!r}, Temporal at {address}", flush=True)
    print(f"ANTHROPIC_API_KEY: {env_status('ANTHROPIC_API_KEY')}", flush=True)
    print("agent-runner ready", flush=True)
    while not stop.wait(0.2):
        pass
    print(f"received {received[0] if received else 'stop'}, shutting down", flush=True)
    return 0


def check_env(args: argparse.Namespace) -> int:
    status = env_status(args.name)
    print(f"{args.name}: {status}")
    return 0 if status == "set" else 3


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="agent-runner", description="Runs agent workflows for Temporal.")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    sub = parser.add_subparsers(dest="command")
    serve_p = sub.add_parser("serve", help="run the worker until SIGTERM (the default)")
    serve_p.add_argument("--task-queue", default="agent-runner")
    env_p = sub.add_parser("check-env", help="exit 0 if an environment variable is set, 3 if not")
    env_p.add_argument("name")
    args = parser.parse_args(argv)
    if args.version:
        print(f"agent-runner {VERSION}")
        return 0
    if args.command == "check-env":
        return check_env(args)
    if args.command is None:
        args.task_queue = "agent-runner"
    return serve(args)


if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
