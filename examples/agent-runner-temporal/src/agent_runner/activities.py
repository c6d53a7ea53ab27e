"""Activities: where the LangChain agent runs (outside the workflow sandbox)."""
from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate
from temporalio import activity

from .model import chat_model


@activity.defn
async def run_agent(prompt: str) -> str:
    chain = (
        ChatPromptTemplate.from_messages(
            [("system", "You are agent-runner, a concise helpful agent."), ("human", "{prompt}")]
        )
        | chat_model()
        | StrOutputParser()
    )
    return await chain.ainvoke({"prompt": prompt})
