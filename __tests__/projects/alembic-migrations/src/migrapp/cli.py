"""`alembic-migrations upgrade head` migrates ./notes.db; `current` shows its revision.

Alembic runs migrations/env.py and migrations/versions/*.py as files from the package folder.
"""
import argparse
import sys

from migrapp import __version__

DATABASE_URL = "sqlite:///notes.db"


def alembic_config():
    from alembic.config import Config

    config = Config()
    # Package-resource form: the migrations folder inside the installed migrapp package.
    config.set_main_option("script_location", "migrapp:migrations")
    config.set_main_option("sqlalchemy.url", DATABASE_URL)
    return config


def describe() -> str:
    import sqlalchemy
    from alembic.migration import MigrationContext

    engine = sqlalchemy.create_engine(DATABASE_URL)
    with engine.connect() as connection:
        revision = MigrationContext.configure(connection).get_current_revision()
        tables = sorted(sqlalchemy.inspect(connection).get_table_names())
        columns = {
            t: [c["name"] for c in sqlalchemy.inspect(connection).get_columns(t)]
            for t in tables
            if t != "alembic_version"
        }
    engine.dispose()
    lines = [f"revision: {revision or '(none)'}"]
    lines += [f"table {t}: {', '.join(cols)}" for t, cols in columns.items()]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description="Notes database with packaged migrations.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    upgrade = sub.add_parser("upgrade", help="migrate ./notes.db to REVISION")
    upgrade.add_argument("revision")
    sub.add_parser("current", help="show the revision and tables of ./notes.db")
    args = parser.parse_args()

    if args.command == "upgrade":
        from alembic import command

        command.upgrade(alembic_config(), args.revision)
        print(f"upgraded to {args.revision}")
    print(describe())
    return 0


if __name__ == "__main__":
    sys.exit(main())
