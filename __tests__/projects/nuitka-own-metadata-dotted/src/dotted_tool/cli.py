"""Prints its own version and plugins, both read from the distribution's metadata."""
import sys
from importlib.metadata import entry_points, version

DISTRIBUTION = "acme-dotted-tool"


def hello():
    return "hello from a plugin"


def main():
    if sys.argv[1:] == ["--version"]:
        print(f"dotted-tool {version(DISTRIBUTION)}")
        return 0
    plugins = sorted(e.name for e in entry_points(group="dotted_tool.plugins"))
    print("plugins: " + ", ".join(plugins))
    for e in entry_points(group="dotted_tool.plugins"):
        print(f"{e.name}: {e.load()()}")
    return 0 if plugins else 3


if __name__ == "__main__":
    sys.exit(main())
