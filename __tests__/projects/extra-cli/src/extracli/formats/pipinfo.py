"""Which pip the environment has: an integration with a distribution the project never declares
(pip is in the virtualenv Poetry made, not among extra-cli's requirements)."""
import pip


def render(words: list[str]) -> str:
    return f"pip {pip.__version__}: " + " ".join(words)
