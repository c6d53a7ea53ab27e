"""A notes app whose database schema is kept by Alembic migrations shipped inside the package."""
__version__ = "0.1.0"
