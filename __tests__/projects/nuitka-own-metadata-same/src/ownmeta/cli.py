"""Prints its own version and plugins, both read from the distribution's metadata."""
import sys
from importlib.metadata import entry_points, version

DISTRIBUTION = "ownmeta"

# An optional module, as libraries import one (anyio imports sniffio so): the test leaves it out of
# the build (excludes: xmlrpc), and the binary must then see it missing the way this code expects,
# as ModuleNotFoundError, and run on.
try:
    import xmlrpc.client as optional
except ModuleNotFoundError:
    optional = None


def hello():
    return "hello from a plugin"


def main():
    if sys.argv[1:] == ["--version"]:
        print(f"ownmeta {version(DISTRIBUTION)}")
        return 0
    plugins = sorted(e.name for e in entry_points(group="ownmeta.plugins"))
    print("plugins: " + ", ".join(plugins))
    for e in entry_points(group="ownmeta.plugins"):
        print(f"{e.name}: {e.load()()}")
    return 0 if plugins else 3


if __name__ == "__main__":
    sys.exit(main())
