from .conventional_commits import ConventionalCommitsCz  # noqa: F401
