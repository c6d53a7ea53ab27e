from .customize import CustomizeCommitsCz  # noqa: F401
