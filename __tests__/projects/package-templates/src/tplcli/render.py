def render(template: str, **values: str) -> str:
    # Imported here, as real CLIs often do, so --help works even without the templates.
    from jinja2 import Environment, PackageLoader

    env = Environment(loader=PackageLoader("tplcli", "templates"), keep_trailing_newline=False)
    return env.get_template(template).render(**values)
