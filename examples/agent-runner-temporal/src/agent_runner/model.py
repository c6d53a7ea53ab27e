"""The chat model: Anthropic in production, a deterministic fake in CI (no API key)."""
import os

from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.language_models.fake_chat_models import FakeListChatModel

FAKE_ANSWER = "agent-runner fake model: task understood and done"


def use_fake_model() -> bool:
    return os.environ.get("AGENT_RUNNER_FAKE_MODEL") == "1" or not os.environ.get("ANTHROPIC_API_KEY")


def chat_model() -> BaseChatModel:
    if use_fake_model():
        return FakeListChatModel(responses=[FAKE_ANSWER])
    # Imported here so the fake path starts fast; PyInstaller still sees (and bundles) it.
    from langchain_anthropic import ChatAnthropic

    return ChatAnthropic(model=os.environ.get("AGENT_RUNNER_MODEL", "claude-sonnet-4-5"), max_tokens=512)
