/**
 * Python 3.8/3.9 stand-ins for standard-library calls that only Python 3.10+ has, as Python text
 * for the scripts the action runs in the project's environment (the spec, the composition readers).
 * Debian 11's own Python is 3.9, and a job container that builds for an older glibc often has it.
 */

/**
 * `_pba_packages_distributions()`: importlib.metadata.packages_distributions() (3.10+), else the
 * same top-level-name → distribution-names map from each distribution's top_level.txt or its files.
 */
export const PACKAGES_DISTRIBUTIONS_PY = String.raw`
def _pba_packages_distributions():
    import importlib.metadata as md
    if hasattr(md, 'packages_distributions'):
        return md.packages_distributions()
    owners = {}
    for dist in md.distributions():
        name = dist.metadata['Name']
        tops = (dist.read_text('top_level.txt') or '').split()
        if not tops:
            # A file's first folder, or a top-level module's name; dist-info, '..' and scripts are not names.
            tops = {(f.parts[0] if len(f.parts) > 1 else f.name.split('.')[0]) for f in dist.files or ()}
        for top in sorted(t for t in tops if t.isidentifier() and t != '__pycache__'):
            owners.setdefault(top, [])
            if name not in owners[top]:
                owners[top].append(name)
    return owners
`

/**
 * `_pba_stdlib_names()`: sys.stdlib_module_names (3.10+), else the built-in modules and the
 * top-level modules of the interpreter's own library folders.
 */
export const STDLIB_NAMES_PY = String.raw`
def _pba_stdlib_names():
    import sys
    names = getattr(sys, 'stdlib_module_names', None)
    if names:
        return set(names)
    import os, pkgutil, sysconfig
    folders = {sysconfig.get_paths()[k] for k in ('stdlib', 'platstdlib')}
    folders |= {os.path.join(f, 'lib-dynload') for f in folders}
    return set(sys.builtin_module_names) | {m.name for m in pkgutil.iter_modules(sorted(folders))}
`
