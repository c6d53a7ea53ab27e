/**
 * The tracer that runs the `poetry run` side of every parity command and the service. It lives
 * here as text so the ncc bundle carries it; it is written to RUNNER_TEMP and started as
 * `poetry run python <tracer> <script> <args…>`.
 */

/** Env var naming the file the tracer writes its record to (one file per process). */
export const TRACE_ENV = 'POETRY_BINARY_ACTION_TRACE'
/** Env var naming the scratch folder the traced program runs in (poetry run needs the project's). */
export const TRACE_CWD_ENV = 'POETRY_BINARY_ACTION_TRACE_CWD'
/** Env var listing (comma-separated) variables whose values must never reach the record. */
export const TRACE_SECRET_KEYS_ENV = 'POETRY_BINARY_ACTION_TRACE_SECRET_KEYS'

/**
 * Records, for one run of the program under its own interpreter:
 * - every module loaded (audit event `import`) and which were loaded by a computed name
 *   (`importlib.import_module`, which also serves entry-point `load()`);
 * - files and folders inside installed packages that were opened, listed (audit events `open`,
 *   `os.listdir`, `os.scandir`) or stat-ed (`os.stat`/`os.lstat`, which raise no audit event and
 *   are what `os.path.isdir`, `os.path.exists` and pathlib use — jinja2's PackageLoader among them);
 * - distributions whose metadata was read (`*.dist-info` files) and entry-point groups queried,
 *   with the distributions that answered.
 * At exit it classifies paths against sys.path into package data and metadata, drops anything that
 * contains the value of a listed secret, and writes JSON. Names and paths only, never contents.
 */
export const TRACER_SCRIPT = String.raw`# Tracer written by poetry-binary-action; it starts the program it is given.
import atexit as _atexit
import importlib as _importlib
import json as _json
import os as _os
import sys as _sys
import sysconfig as _sysconfig

_TARGET = _os.environ.pop('${TRACE_ENV}', None)
_CWD = _os.environ.pop('${TRACE_CWD_ENV}', None)
_SECRET_KEYS = [k for k in _os.environ.pop('${TRACE_SECRET_KEYS_ENV}', '').split(',') if k]
_LIMIT = 200000

_paths = {}
_imported = []
_dynamic = []
_groups = {}
_orig_stat = _os.stat
_orig_lstat = _os.lstat
_active = [True]


def _note(path, op):
    if not _active[0] or len(_paths) >= _LIMIT:
        return
    try:
        if isinstance(path, int):
            return
        p = _os.fsdecode(_os.fspath(path))
    except Exception:
        return
    if p and p not in _paths:
        _paths[p] = op


def _audit(event, args):
    if event == 'import':
        if len(_imported) < _LIMIT:
            _imported.append(args[0])
    elif event == 'open':
        _note(args[0], 'open')
    elif event in ('os.listdir', 'os.scandir'):
        _note(args[0] if args and args[0] is not None else '.', 'list')


def _stat(path, *a, **k):
    _note(path, 'stat')
    return _orig_stat(path, *a, **k)


def _lstat(path, *a, **k):
    _note(path, 'stat')
    return _orig_lstat(path, *a, **k)


_orig_import_module = _importlib.import_module


def _import_module(name, package=None):
    try:
        full = _importlib.util.resolve_name(name, package) if name.startswith('.') else name
        # A module some static import already loaded was found by PyInstaller's analysis too.
        if full not in _sys.modules and len(_dynamic) < _LIMIT:
            _dynamic.append(full)
    except Exception:
        pass
    return _orig_import_module(name, package)


def _patch_entry_points():
    try:
        import importlib.metadata as md
    except Exception:
        return
    cls = getattr(md, 'EntryPoints', None)
    select = getattr(cls, 'select', None)
    if select is None:
        return

    def traced_select(self, **params):
        result = select(self, **params)
        group = params.get('group')
        if group is not None:
            dists = _groups.setdefault(str(group), [])
            for ep in result:
                dist = getattr(ep, 'dist', None)
                name = getattr(dist, 'name', None) if dist is not None else None
                if name and name not in dists:
                    dists.append(name)
        return result

    cls.select = traced_select


def _origin(name):
    mod = _sys.modules.get(name)
    if mod is None:
        return 'gone'
    spec = getattr(mod, '__spec__', None)
    origin = getattr(spec, 'origin', None) if spec is not None else None
    if origin in ('built-in', 'frozen'):
        return origin
    if origin is None and getattr(mod, '__file__', None) is None:
        return 'namespace' if getattr(mod, '__path__', None) is not None else 'other'
    return 'file'


_CODE = ('.py', '.pyc', '.pyo', '.pyi', '.so', '.pyd', '.dylib', '.dll')


def _roots():
    stdlib = set()
    for key in ('stdlib', 'platstdlib'):
        try:
            stdlib.add(_os.path.realpath(_sysconfig.get_path(key)))
        except Exception:
            pass
    roots = []
    for entry in _sys.path:
        if not entry:
            continue
        real = _os.path.realpath(entry)
        if real in stdlib or not _os.path.isdir(real):
            continue
        if any(real.startswith(s + _os.sep) for s in stdlib if 'site-packages' not in real):
            continue
        roots.append(real)
    roots.sort(key=len, reverse=True)
    return roots


def _exists(p):
    try:
        _orig_stat(p)
        return True
    except Exception:
        return False


def _is_dir(p):
    import stat
    try:
        return stat.S_ISDIR(_orig_stat(p).st_mode)
    except Exception:
        return False


def _classify():
    roots = _roots()
    loaded = set(_sys.modules) | set(_imported)
    data = {}
    metadata = {}
    for raw, op in _paths.items():
        full = _os.path.realpath(_os.path.join(_CWD or _os.getcwd(), raw))
        root = next((r for r in roots if full.startswith(r + _os.sep)), None)
        if root is None:
            continue
        parts = _os.path.relpath(full, root).split(_os.sep)
        top = parts[0]
        if top.endswith('.dist-info') or top.endswith('.egg-info'):
            if len(parts) > 1 and parts[1] in ('METADATA', 'PKG-INFO') and op == 'open':
                dist = top.rsplit('.', 1)[0].split('-')[0]
                metadata.setdefault(dist, set()).add(parts[1])
            continue
        if len(parts) < 2 or top == '__pycache__' or '__pycache__' in parts:
            continue
        if not _exists(full):
            continue
        # Data lives inside a package the program imported (regular or namespace).
        if top not in loaded or not _is_dir(_os.path.join(root, top)):
            continue
        if _is_dir(full):
            if _exists(_os.path.join(full, '__init__.py')):
                continue
        elif full.endswith(_CODE):
            continue
        rel = '/'.join(parts[1:])
        files = data.setdefault(top, [])
        if rel not in files and len(files) < 50:
            files.append(rel)
    return data, {k: sorted(v) for k, v in metadata.items()}


def _write():
    if not _active[0]:
        return
    _active[0] = False
    try:
        data, metadata = _classify()
        seen = []
        modules = {}
        for name in _imported:
            if name not in modules:
                modules[name] = _origin(name)
        for name in list(_sys.modules):
            if name not in modules:
                modules[name] = _origin(name)
        secrets = [v for v in (_os.environ.get(k) for k in _SECRET_KEYS) if v]

        def clean(text):
            return not any(s in text for s in secrets)

        record = {
            'modules': {k: v for k, v in modules.items() if clean(k)},
            'dynamic': [m for m in dict.fromkeys(_dynamic) if clean(m)],
            'data': {
                k: [f for f in v if clean(f)] for k, v in data.items() if clean(k)
            },
            'metadata': {k: v for k, v in metadata.items() if clean(k)},
            'entryPoints': {
                g: [d for d in ds if clean(d)] for g, ds in _groups.items() if clean(g)
            },
        }
        with open(_TARGET, 'w') as f:
            _json.dump(record, f)
    except Exception as exc:  # the program's own exit status must not change
        try:
            with open(_TARGET, 'w') as f:
                _json.dump({'error': type(exc).__name__}, f)
        except Exception:
            pass


def _run():
    if len(_sys.argv) < 2:
        _sys.stderr.write('usage: tracer.py SCRIPT [ARGS...]\n')
        _sys.exit(2)
    script = _os.path.abspath(_sys.argv[1])
    _sys.argv = _sys.argv[1:]
    _sys.path[0] = _os.path.dirname(script)
    if _CWD:
        _os.chdir(_CWD)
    if _TARGET:
        import importlib.util  # noqa: F401  (resolve_name needs it loaded)
        _atexit.register(_write)
        _sys.addaudithook(_audit)
        _os.stat = _stat
        _os.lstat = _lstat
        _importlib.import_module = _import_module
        _patch_entry_points()
        _orig_exit = _os._exit

        def _exit(code):
            # os._exit skips atexit: write the record first (programs use it to dodge shutdown races).
            if _active[0]:
                _write()
            _orig_exit(code)

        _os._exit = _exit
    import runpy
    runpy.run_path(script, run_name='__main__')


_run()
`
