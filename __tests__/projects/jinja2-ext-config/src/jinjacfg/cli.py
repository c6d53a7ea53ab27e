"""`jinja2-ext-config render NAME` renders the template of render.ini (in the working folder)."""
import argparse
import configparser
import sys

from jinjacfg import __version__

CONFIG = "render.ini"


def main() -> int:
    parser = argparse.ArgumentParser(description="Render the template configured in render.ini.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    render = sub.add_parser("render", help="render the configured template for NAME")
    render.add_argument("name")
    args = parser.parse_args()

    import jinja2

    config = configparser.ConfigParser(interpolation=None)
    if not config.read(CONFIG):
        print(f"error: cannot read {CONFIG}", file=sys.stderr)
        return 1
    section = config["render"]
    extensions = [e.strip() for e in section.get("extensions", "").split(",") if e.strip()]
    env = jinja2.Environment(extensions=extensions)
    print(env.from_string(section["template"]).render(name=args.name))
    return 0
