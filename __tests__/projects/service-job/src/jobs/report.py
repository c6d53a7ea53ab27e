def handle(payload: str) -> str:
    return f"report for {payload}: 3 items"
