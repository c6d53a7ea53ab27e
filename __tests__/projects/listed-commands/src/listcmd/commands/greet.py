"""Greets someone by name."""


def register(parser):
    parser.add_argument("name")
    parser.set_defaults(run=lambda args: print(f"hello, {args.name}") or 0)
