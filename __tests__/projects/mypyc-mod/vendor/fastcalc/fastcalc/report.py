from fastcalc.numbers import mean, spread


def describe(values: list[int]) -> str:
    compiled = "compiled" if not __file__.endswith(".py") else "interpreted"
    return f"n={len(values)} mean={mean(values):.2f} spread={spread(values)} ({compiled})"
