version: str = '0.0.0'
