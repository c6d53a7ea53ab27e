def mean(values: list[int]) -> float:
    total = 0
    for v in values:
        total += v
    return total / len(values)


def spread(values: list[int]) -> int:
    return max(values) - min(values)
