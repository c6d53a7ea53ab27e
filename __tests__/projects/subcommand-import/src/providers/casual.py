def greet(name: str) -> str:
    return f"hey {name}"
