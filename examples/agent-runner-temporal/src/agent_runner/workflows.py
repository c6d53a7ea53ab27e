"""Workflows live in their own module: Temporal's sandbox re-imports them by name."""
from datetime import timedelta

from temporalio import workflow

with workflow.unsafe.imports_passed_through():
    from .activities import run_agent


@workflow.defn
class AgentWorkflow:
    @workflow.run
    async def run(self, prompt: str) -> str:
        return await workflow.execute_activity(
            run_agent, prompt, start_to_close_timeout=timedelta(seconds=60)
        )
