def greet() -> str:
    return "hello from the greeter plugin"
