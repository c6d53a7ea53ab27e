def greet(name: str) -> str:
    return f"Good day, {name}."
