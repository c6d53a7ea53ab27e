"""Runs in the child interpreter: imported by the -c code, or run with -m reexec.worker."""
import sys


def answer(question: str) -> str:
    return f"{question} -> {sum(ord(c) for c in question) % 97}"


if __name__ == "__main__":
    print(f"worker (as __main__): {answer(' '.join(sys.argv[1:]) or 'nothing')}")
