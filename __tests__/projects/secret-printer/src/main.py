"""Prints its API key where the action cuts output: the secret straddles every cut point.

`leak N` prints N filler characters, then the value of LEAKY_TOKEN, then fails; `leak-service`
does the same as a service that never becomes ready. The action must not let any fragment of the
value through to the log, the summary, the outputs, metrics.json, report.md or the artifact.
"""
import os
import sys
import time


def main() -> int:
    args = sys.argv[1:]
    token = os.environ.get("LEAKY_TOKEN", "")
    if args[:1] == ["--version"]:
        print("secret-printer 0.1.0")
        return 0
    if args[:1] == ["leak"]:
        print("x" * int(args[1]) + token + " trailing words")
        print("second line " + token, file=sys.stderr)
        return 1
    if args[:1] == ["parity-leak"]:
        # Differs between the two sides, so the parity diff shows this line.
        print("y" * int(args[1]) + token + (" frozen" if getattr(sys, "frozen", False) else " source"))
        return 0
    if args[:1] == ["leak-service"]:
        print("z" * 450 + token, flush=True)
        time.sleep(3)
        return 1
    print("usage: secret-printer [--version | leak N | parity-leak N | leak-service]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
