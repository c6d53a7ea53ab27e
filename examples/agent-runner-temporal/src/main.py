"""agent-runner: a Temporal worker that runs LangChain agents.

  agent-runner --version
  agent-runner worker               connect to TEMPORAL_ADDRESS and run until SIGTERM
  agent-runner trigger --prompt X   start the agent workflow and print its result as JSON
  agent-runner check-env NAME       exit 0 if NAME is set, 3 if not (never prints the value)
  agent-runner self-check           import every production dependency (Anthropic included)
"""
import argparse
import asyncio
import json
import multiprocessing
import os
import signal
import sys
import uuid
from datetime import timedelta

VERSION = "0.2.0"
TASK_QUEUE = "agent-runner"


def address() -> str:
    return os.environ.get("TEMPORAL_ADDRESS", "localhost:7233")


async def run_worker(task_queue: str) -> int:
    from temporalio.client import Client
    from temporalio.worker import Worker

    from agent_runner.activities import run_agent
    from agent_runner.workflows import AgentWorkflow

    client = await Client.connect(address(), namespace=os.environ.get("TEMPORAL_NAMESPACE", "default"))
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    worker = Worker(client, task_queue=task_queue, workflows=[AgentWorkflow], activities=[run_agent])
    async with worker:
        print(f"ANTHROPIC_API_KEY: {'set' if os.environ.get('ANTHROPIC_API_KEY') else 'not set'}", flush=True)
        print("agent-runner worker ready", flush=True)
        await stop.wait()
        print("shutting down: draining the worker", flush=True)
    print("worker stopped", flush=True)
    return 0


async def trigger(prompt: str, task_queue: str) -> int:
    from temporalio.client import Client

    from agent_runner.workflows import AgentWorkflow

    client = await Client.connect(address(), namespace=os.environ.get("TEMPORAL_NAMESPACE", "default"))
    result = await client.execute_workflow(
        AgentWorkflow.run,
        prompt,
        id=f"agent-{uuid.uuid4()}",
        task_queue=task_queue,
        execution_timeout=timedelta(seconds=120),
    )
    print(json.dumps({"result": result}), flush=True)
    return 0


def run_short_lived(coro) -> int:
    """Runs a one-shot client command and exits without racing the Temporal core's threads.

    temporalio's Rust core keeps runtime threads that call back into Python. When a short-lived
    command returns while they are still winding down, interpreter finalization can abort with
    "PyGILState_Release: thread state ... must be current" (measured: 5 of 12 `trigger` runs under
    plain `python`). The result is printed and flushed by then, so leave at once with its code.
    """
    code = asyncio.run(coro)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def self_check() -> int:
    import anthropic
    import langchain_anthropic
    import langchain_core
    import temporalio.bridge.temporal_sdk_bridge  # the native Rust bridge

    print(f"langchain-core {langchain_core.__version__}, anthropic {anthropic.__version__}, "
          f"langchain-anthropic {getattr(langchain_anthropic, '__version__', 'ok')}, temporal bridge ok")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="agent-runner", description="Runs LangChain agents for Temporal.")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    sub = parser.add_subparsers(dest="command")
    w = sub.add_parser("worker", help="run the Temporal worker until SIGTERM")
    w.add_argument("--task-queue", default=TASK_QUEUE)
    t = sub.add_parser("trigger", help="run the agent workflow once and print the result")
    t.add_argument("--prompt", required=True)
    t.add_argument("--task-queue", default=TASK_QUEUE)
    e = sub.add_parser("check-env", help="exit 0 if a variable is set, 3 if not")
    e.add_argument("name")
    sub.add_parser("self-check", help="import every production dependency")
    args = parser.parse_args(argv)
    if args.version:
        print(f"agent-runner {VERSION}")
        return 0
    if args.command == "worker":
        return asyncio.run(run_worker(args.task_queue))
    if args.command == "trigger":
        return run_short_lived(trigger(args.prompt, args.task_queue))
    if args.command == "check-env":
        return 0 if os.environ.get(args.name) else 3
    if args.command == "self-check":
        return self_check()
    parser.print_help()
    return 0


if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
