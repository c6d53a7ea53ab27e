"""What every front end prints for a real run: the plan, one line per decision."""


def plan(
    source: str,
    destination: str,
    excludes: tuple[str, ...] | list[str],
    dry_run: bool,
    checksum: bool,
    max_depth: int,
) -> str:
    lines = [
        f"sync {source} -> {destination}",
        f"  mode: {'dry run' if dry_run else 'copy'}, compare by {'checksum' if checksum else 'mtime'}",
        f"  max depth: {max_depth}",
        f"  excluded: {', '.join(excludes) if excludes else '(nothing)'}",
    ]
    return "\n".join(lines)
