from .jira import JiraSmartCz

__all__ = ["JiraSmartCz"]
