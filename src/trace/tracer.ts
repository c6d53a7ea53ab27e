/**
 * The tracer that runs the `poetry run` side of every parity command and the service. It lives
 * here as text so the ncc bundle carries it; it is written to RUNNER_TEMP and started as
 * `poetry run python <tracer> <script> <args…>`.
 */

import { PACKAGES_DISTRIBUTIONS_PY } from '../python-compat.js'

/** Env var naming the file the tracer writes its record to (one file per process). */
export const TRACE_ENV = 'POETRY_BINARY_ACTION_TRACE'
/** Env var naming the scratch folder the traced program runs in (poetry run needs the project's). */
export const TRACE_CWD_ENV = 'POETRY_BINARY_ACTION_TRACE_CWD'
/** Env var listing (comma-separated) variables whose values must never reach the record. */
export const TRACE_SECRET_KEYS_ENV = 'POETRY_BINARY_ACTION_TRACE_SECRET_KEYS'
/** Env var giving the program's argv[0], named like the binary so both sides print the same usage. */
export const TRACE_ARGV0_ENV = 'POETRY_BINARY_ACTION_TRACE_ARGV0'
/**
 * Env var holding JSON {distribution, extras, requirements, modules}: the project's distribution,
 * the extras selected for it (a list, or "all"), the requirements of the selected dependency groups
 * (and distributions named in copy-metadata), and top-level modules the user asked to bundle. From
 * them the tracer works out which installed distributions the project requires.
 */
export const TRACE_REQUIRED_ENV = 'POETRY_BINARY_ACTION_TRACE_REQUIRED'
/**
 * Env var naming a request file (the service's run only): when it appears, the tracer writes its
 * record as it stands (\`final: false\`) and removes the file. A service that dies of SIGTERM
 * (uvicorn raises it again after its graceful shutdown; Django's runserver has no handler) never
 * runs Python's exit handlers, so the record asked for just before SIGTERM is all there is.
 */
export const TRACE_SNAPSHOT_ENV = 'POETRY_BINARY_ACTION_TRACE_SNAPSHOT'

/**
 * Records, for one run of the program under its own interpreter:
 * - every module loaded (audit event `import`) and which were loaded by a computed name
 *   (`importlib.import_module`, which also serves entry-point `load()`);
 * - files and folders inside installed packages that were opened, listed (audit events `open`,
 *   `os.listdir`, `os.scandir`) or stat-ed (`os.stat`/`os.lstat`, which raise no audit event and
 *   are what `os.path.isdir`, `os.path.exists` and pathlib use — jinja2's PackageLoader among them);
 * - distributions whose metadata was read (`*.dist-info` files) and entry-point groups queried,
 *   with the distributions that answered;
 * - `.py` files inside packages that were read as files rather than imported (Alembic's env.py,
 *   `inspect.getsource`, templates made of Python files);
 * - shared libraries loaded with ctypes (audit event `ctypes.dlopen`), resolved through the
 *   process's own memory map;
 * - processes started with the interpreter itself (`sys.executable -c/-m/script`), and modules
 *   loaded from `PYTHONPATH` folders;
 * - the executables the installed distributions put in the environment's scripts folder, which
 *   `poetry run` puts on PATH (console scripts by entry point, native programs by file).
 * Modules already loaded when the tracer starts (the interpreter's and the tracer's own) are listed
 * apart, so they are not mistaken for the program's.
 * At exit it classifies paths against sys.path into package data and metadata, drops anything that
 * contains the value of a listed secret, and writes JSON. Names and paths only, never contents.
 */
export const TRACER_SCRIPT = String.raw`# Tracer written by poetry-binary-action; it starts the program it is given.
import atexit as _atexit
import importlib as _importlib
import os as _os
import sys as _sys
import threading as _threading

_TARGET = _os.environ.pop('${TRACE_ENV}', None)
_CWD = _os.environ.pop('${TRACE_CWD_ENV}', None)
_ARGV0 = _os.environ.pop('${TRACE_ARGV0_ENV}', None)
_REQUIRED = _os.environ.pop('${TRACE_REQUIRED_ENV}', None)
_SNAPSHOT = _os.environ.pop('${TRACE_SNAPSHOT_ENV}', None)
_PYTHONPATH = [p for p in _os.environ.get('PYTHONPATH', '').split(_os.pathsep) if p]
# The interpreter resolved PYTHONPATH against the folder it started in, before the tracer moved to
# the scratch copy.
_START_CWD = _os.getcwd()


def _pythonpath_dirs():
    dirs = set()
    for p in _PYTHONPATH:
        for base in (_START_CWD, _CWD or _START_CWD):
            dirs.add(_os.path.realpath(_os.path.join(base, p)))
    return dirs
_SECRET_KEYS = [k for k in _os.environ.pop('${TRACE_SECRET_KEYS_ENV}', '').split(',') if k]
_LIMIT = 200000

_paths = {}
_imported = []
_dynamic = []
_groups = {}
_dlopen = []
_spawned = []
_reentry_modules = []
_initial_path = []
_baseline = []
_orig_stat = _os.stat
_orig_lstat = _os.lstat
_active = [True]
_write_lock = _threading.Lock()
# How much each way of touching a path says: the most telling one is kept.
_RANK = {'stat': 0, 'list': 0, 'listed': 1, 'open': 2, 'import': 2}


def _note(path, op):
    if not _active[0] or len(_paths) >= _LIMIT:
        return
    try:
        if isinstance(path, int):
            return
        p = _os.fsdecode(_os.fspath(path))
    except Exception:
        return
    if not p:
        return
    # A read says more than a stat or a listing (Alembic checks env.py exists, then runs it), and
    # the program's own listing more than the import system's.
    if p not in _paths or _RANK[op] > _RANK[_paths[p]]:
        _paths[p] = op


def _audit(event, args):
    if event == 'import':
        if len(_imported) < _LIMIT:
            _imported.append(args[0])
    elif event == 'open':
        if isinstance(args[0], str) and args[0].endswith('.py'):
            # A .py file opened by the import system is imported (unless it never becomes a module:
            # Alembic's env.py); one opened to print a warning's or a traceback's source line says
            # nothing about what the program needs.
            how = _how_read()
            if how is not None:
                _note(args[0], how)
            return
        _note(args[0], 'open')
    elif event in ('os.listdir', 'os.scandir'):
        _note(args[0] if args and args[0] is not None else '.', 'list' if _by_import_system() else 'listed')
    elif event == 'ctypes.dlopen':
        if args and args[0] and len(_dlopen) < 1000:
            _dlopen.append(str(args[0]))
    elif event in ('subprocess.Popen', 'os.posix_spawn', 'os.exec'):
        _note_spawn(event, args)


_NOT_READS = ('get_data', 'get_source', 'source_to_code')


def _by_import_system():
    # The import system lists every folder it searches (FileFinder's cache, the direct caller);
    # the program's own listing (a glob, os.listdir, pkgutil), even while a module of it is being
    # imported, is what the binary must answer the same way.
    try:
        return _sys._getframe(2).f_code.co_filename.startswith('<frozen importlib')
    except Exception:
        return False


def _how_read():
    try:
        frame = _sys._getframe(2)
    except Exception:
        return 'open'
    depth = 0
    while frame is not None and depth < 40:
        code = frame.f_code
        name = code.co_filename
        if name.startswith('<frozen importlib') and code.co_name in _NOT_READS:
            return 'import'
        base = name.rsplit('/', 1)[-1].rsplit('\\', 1)[-1]
        if base in ('warnings.py', 'traceback.py') and 'lib' in name:
            return None
        frame = frame.f_back
        depth += 1
    return 'open'


def _same_interpreter(program):
    try:
        if program is None:
            return False
        p = _os.fsdecode(_os.fspath(program))
        if _os.sep not in p:
            import shutil
            p = shutil.which(p) or p
        return _os.path.realpath(p) == _os.path.realpath(_sys.executable)
    except Exception:
        return False


def _note_spawn(event, args):
    # subprocess.Popen: (executable, args, cwd, env); os.posix_spawn / os.exec: (path, argv, env).
    if len(_spawned) >= 100 or not args:
        return
    try:
        argv = args[1]
        if isinstance(argv, (str, bytes)):
            return
        argv = [_os.fsdecode(a) for a in argv]
    except Exception:
        return
    program = args[0] if args[0] is not None else (argv[0] if argv else None)
    if not argv or not (_same_interpreter(program) or _same_interpreter(argv[0])):
        return
    rest = argv[1:]
    while rest and rest[0] in ('-u', '-E', '-s', '-S', '-I', '-B', '-O', '-OO', '-q', '-b', '-P'):
        rest = rest[1:]
    if not rest:
        how = 'interactive'
    elif rest[0] == '-c':
        how = '-c'
        if len(rest) > 1:
            _child_imports(rest[1])
    elif rest[0] == '-m' and len(rest) > 1:
        how = '-m ' + rest[1]
        _reentry_modules.append(rest[1])
    elif rest[0].endswith('.py'):
        how = 'script ' + _os.path.basename(rest[0])
        script = _os.path.join(cwd_of(args), rest[0]) if not _os.path.isabs(rest[0]) else rest[0]
        _note(script, 'open')
        try:
            with open(script, 'rb') as f:
                _child_imports(f.read())
        except Exception:
            pass
    else:
        how = 'other ' + rest[0][:40]
    _spawned.append(how)


def cwd_of(args):
    # subprocess.Popen's audit arguments carry the child's cwd; the others run where we are.
    try:
        if len(args) > 2 and isinstance(args[2], (str, bytes)) and args[2]:
            return _os.fsdecode(args[2])
    except Exception:
        pass
    return _os.getcwd()


def _child_imports(code):
    # The child is not traced: the modules its code imports by name are what it needs.
    try:
        import ast
        tree = ast.parse(code)
    except Exception:
        return
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            _reentry_modules.extend(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            _reentry_modules.append(node.module)


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
    # A module registered under a second name (requests.packages.chardet is charset_normalizer):
    # no file has that name, so it is bundled under its own name only.
    if getattr(mod, '__name__', name) != name:
        return 'alias'
    return 'file'


_CODE = ('.py', '.pyc', '.pyo', '.pyi', '.so', '.pyd', '.dylib', '.dll')


def _roots():
    import sysconfig as _sysconfig
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


def _loaded_files():
    files = set()
    for mod in list(_sys.modules.values()):
        f = getattr(mod, '__file__', None)
        if isinstance(f, str):
            files.add(_os.path.realpath(f))
    return files


def _shared_libraries():
    # ctypes names a library as given ('libfoo.so.1', a find_library result or a path); the
    # process's memory map says which file was really loaded.
    if not _dlopen:
        return []
    mapped = set()
    try:
        with open('/proc/self/maps') as f:
            for line in f:
                parts = line.split(None, 5)
                if len(parts) == 6 and parts[5].startswith('/'):
                    mapped.add(parts[5].strip())
    except Exception:
        pass
    found = []
    for name in dict.fromkeys(_dlopen):
        if _os.path.isabs(name) and _exists(name):
            found.append(_os.path.realpath(name))
            continue
        base = _os.path.basename(name)
        hit = sorted(m for m in mapped if _os.path.basename(m) == base or _os.path.basename(m).startswith(base + '.'))
        if hit:
            found.append(_os.path.realpath(hit[0]))
    return list(dict.fromkeys(found))


def _is_folder_of(name, folder):
    # True when the loaded module 'name' is a package whose __path__ holds folder, or when it is
    # no longer loaded (only the import was seen) and nothing says otherwise.
    mod = _sys.modules.get(name)
    if mod is None:
        return True
    try:
        paths = [_os.path.realpath(p) for p in list(getattr(mod, '__path__', None) or ())]
    except Exception:
        return True
    return _os.path.realpath(folder) in paths


def _classify():
    roots = _roots()
    loaded = set(_sys.modules) | set(_imported)
    loaded_files = _loaded_files()
    data = {}
    sources = {}
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
        # Data lives inside a package the program imported (regular or namespace), in that
        # package's own folder: a folder named like a module loaded from elsewhere (a project's
        # locale/ beside the standard library's locale module) is not that package's data.
        if top not in loaded or not _is_dir(_os.path.join(root, top)):
            continue
        if not _is_folder_of(top, _os.path.join(root, top)):
            continue
        rel = '/'.join(parts[1:])
        if _is_dir(full):
            if _exists(_os.path.join(full, '__init__.py')):
                if op == 'listed':
                    # The program listed a regular package's folder (its commands found by file
                    # name): the binary must hold those .py files as files too, not only as modules.
                    files = sources.setdefault(top, [])
                    try:
                        names = sorted(n for n in _os.listdir(full) if n.endswith('.py'))
                    except Exception:
                        names = []
                    for n in names:
                        f = rel + '/' + n if rel else n
                        if f not in files and len(files) < 200:
                            files.append(f)
                continue
        elif full.endswith('.py') and (op == 'open' or (op == 'import' and full not in loaded_files)):
            # Source read as a file, not imported: it must be in the binary as a file.
            files = sources.setdefault(top, [])
            if rel not in files and len(files) < 200:
                files.append(rel)
            continue
        elif full.endswith(_CODE):
            continue
        files = data.setdefault(top, [])
        if rel not in files and len(files) < 50:
            files.append(rel)
    return data, sources, {k: sorted(v) for k, v in metadata.items()}


def _added_search_paths():
    # Folders the program put on sys.path at run time (a vendored folder, a plugins folder) from
    # which it then loaded top-level modules: the build must search them too. Folders inside the
    # working folder are given relative to it, as "cwd:<path>".
    cwd = _os.path.realpath(_CWD or _os.getcwd())
    from_env = _pythonpath_dirs()
    start = {_os.path.realpath(p) for p in _initial_path if p} - from_env
    found = []
    entries = [(_os.path.realpath(p), p) for p in _sys.path if p]
    for name, mod in list(_sys.modules.items()):
        f = getattr(mod, '__file__', None)
        if '.' in name or not isinstance(f, str):
            continue
        real = _os.path.realpath(f)
        base = _os.path.dirname(real)
        if _os.path.basename(real).startswith('__init__.'):
            base = _os.path.dirname(base)
        for entry, _raw in entries:
            if entry == base and entry not in start:
                if entry == cwd or entry.startswith(cwd + _os.sep):
                    label = 'cwd:' + _os.path.relpath(entry, cwd)
                else:
                    label = entry
                if label not in found:
                    found.append(label)
                break
    return found


def _from_pythonpath():
    # Modules found through PYTHONPATH: the interpreter honours it, a frozen binary does not.
    if not _PYTHONPATH:
        return []
    dirs = _pythonpath_dirs()
    names = []
    for name, mod in list(_sys.modules.items()):
        f = getattr(mod, '__file__', None)
        if '.' in name or not isinstance(f, str):
            continue
        real = _os.path.realpath(f)
        if any(real.startswith(d + _os.sep) for d in dirs):
            names.append(name)
    return sorted(names)


_NOT_SHIPPED = ('tests', 'test', 'testing', '_tests', 'conftest', 'benchmarks', 'docs', 'examples')


def _norm(name):
    return '-'.join(''.join(c if c.isalnum() else '-' for c in name.lower()).split('-')).strip('-')


def _requirement(text):
    # 'name[extra,...] (spec) ; marker' -> (name, extras, extras the marker asks for, or None)
    head, _, marker = text.partition(';')
    name = ''
    for c in head.strip():
        if c.isalnum() or c in '._-':
            name += c
        else:
            break
    extras = set()
    if '[' in head and ']' in head:
        extras = {_norm(e) for e in head[head.index('[') + 1:head.index(']')].split(',') if e.strip()}
    wanted = None
    if 'extra' in marker:
        wanted = set()
        rest = marker
        while 'extra' in rest:
            rest = rest[rest.index('extra') + 5:]
            stripped = rest.lstrip()
            if stripped.startswith('=='):
                value = stripped[2:].lstrip()
                if value[:1] in ('"', "'"):
                    end = value.find(value[0], 1)
                    if end > 0:
                        wanted.add(_norm(value[1:end]))
    return name, extras, wanted


def _required_distributions(loaded_dists, by_name):
    # The distributions the project requires: its own (with the selected extras), the selected
    # groups' requirements and every distribution a traced run loaded, with what they require,
    # transitively. Markers other than extras count as met, so doubt keeps a distribution in.
    # None when the project's distribution is not installed: then nothing is left out.
    import importlib.metadata as md
    import json
    try:
        cfg = json.loads(_REQUIRED or '{}')
    except Exception:
        return None
    own = cfg.get('distribution')
    if not own:
        return None
    try:
        md.distribution(own)
    except Exception:
        return None
    own_extras = cfg.get('extras') or []
    queue = [(own, 'all' if own_extras == 'all' else {_norm(e) for e in own_extras})]
    queue += [(r, set()) for r in cfg.get('requirements') or []]
    queue += [(d, set()) for d in loaded_dists]
    queue += [(d, set()) for m in cfg.get('modules') or [] for d in by_name.get(m, [])]
    seen = {}
    while queue:
        text, extras = queue.pop()
        name, asked, _ = _requirement(text)
        key = _norm(name)
        if not key:
            continue
        extras = extras if extras == 'all' else set(extras) | asked
        before = seen.get(key)
        if before is not None and (before == 'all' or (extras != 'all' and extras <= before)):
            continue
        seen[key] = extras if before is None or extras == 'all' else before | extras
        try:
            requires = md.requires(name) or []
        except Exception:
            continue
        for req in requires:
            rname, rextras, wanted = _requirement(req)
            if wanted is not None and extras != 'all' and not (wanted & extras):
                continue
            queue.append((rname + ('[' + ','.join(sorted(rextras)) + ']' if rextras else ''), set()))
    return set(seen)


${PACKAGES_DISTRIBUTIONS_PY}

def _unrequired_names():
    # Top-level import names of installed distributions the project does not require and no traced
    # run loaded (an integration's framework present by accident of the environment, pip,
    # setuptools, the build tools): name -> distribution.
    try:
        by_name = _pba_packages_distributions()
    except Exception:
        return {}
    loaded = {n.split('.')[0] for n in list(_sys.modules)}
    loaded_dists = {d for n in loaded for d in by_name.get(n, [])}
    required = _required_distributions(loaded_dists, by_name)
    if required is None:
        return {}
    out = {}
    for name, dists in by_name.items():
        if name in loaded or not name.isidentifier():
            continue
        if dists and not any(_norm(d) in required for d in dists):
            out[name] = dists[0]
    return out


def _imports_at_load(ast, tree, package, module, is_package):
    # (absolute top-level names, modules of the same package) a module imports while it loads:
    # statements at module or class level, in if/else and with blocks; not in functions, not under
    # try (an optional import), not under "if TYPE_CHECKING".
    absolute, inner = set(), set()
    parts = module.split('.')

    def visit(body):
        for n in body:
            if isinstance(n, ast.Import):
                for a in n.names:
                    (inner if a.name.split('.')[0] == package else absolute).add(a.name)
            elif isinstance(n, ast.ImportFrom):
                if n.level:
                    base = parts[: len(parts) - n.level + (1 if is_package else 0)]
                    target = '.'.join(base + ([n.module] if n.module else []))
                    inner.add(target)
                    for a in n.names:
                        inner.add(target + '.' + a.name)
                elif n.module:
                    if n.module.split('.')[0] == package:
                        inner.add(n.module)
                        for a in n.names:
                            inner.add(n.module + '.' + a.name)
                    else:
                        absolute.add(n.module)
            elif isinstance(n, ast.If):
                if 'TYPE_CHECKING' not in ast.dump(n.test):
                    visit(n.body)
                visit(n.orelse)
            elif isinstance(n, (ast.With, ast.ClassDef)):
                visit(n.body)

    visit(tree.body)
    return {a.split('.')[0] for a in absolute}, inner


def _leave_out(package, modules, files, unrequired):
    # The modules of a bundled package that cannot load without a distribution the project does not
    # require (directly, through a module of the same package, or through their parent package):
    # an integration with a framework the project never asked for. -> {module: distribution}
    import ast
    needs = {}
    inner_of = {}
    sources = {}
    for module, path in zip(modules, files):
        if not path.endswith('.py'):
            continue
        try:
            with open(path, 'rb') as fh:
                sources[module] = (path, fh.read())
        except OSError:
            continue
    # Parsed only when the text names an unrequired distribution's module; the rest are parsed for
    # their imports of the same package only if some module needs one.
    for wanted in (lambda src: any(n.encode() in src for n in unrequired), lambda src: bool(needs)):
        for module, (path, source) in sources.items():
            if module in inner_of or not wanted(source):
                continue
            try:
                tree = ast.parse(source)
            except Exception:
                inner_of[module] = set()
                continue
            is_package = _os.path.basename(path) == '__init__.py'
            absolute, inner = _imports_at_load(ast, tree, package, module, is_package)
            hit = sorted(a for a in absolute if a in unrequired)
            if hit:
                needs[module] = unrequired[hit[0]]
            inner_of[module] = inner
    changed = True
    while changed:
        changed = False
        for module in modules:
            if module in needs:
                continue
            parent = module.rpartition('.')[0]
            if parent in needs:
                needs[module] = needs[parent]
                changed = True
                continue
            for target in inner_of.get(module) or ():
                if target in needs and target != module:
                    needs[module] = needs[target]
                    changed = True
                    break
    return needs


_left_out = {}
_unrequired = [{}]


def _package_modules():
    # Every module of every top-level package the program loaded from an installed or project
    # folder: a bundled distribution comes whole, so a subcommand nobody traced (a module named by a
    # string, a lazy import) finds its module too. Test suites inside packages stay out, and so do
    # modules that cannot load without a distribution the project does not require (see _leave_out).
    import importlib.machinery
    suffixes = tuple(importlib.machinery.all_suffixes())
    roots = _roots()
    unrequired = _unrequired[0]
    found = {}
    files_of = {}
    for name, mod in list(_sys.modules.items()):
        if '.' in name:
            continue
        paths = getattr(mod, '__path__', None)
        if not paths:
            continue
        try:
            folders = [_os.path.realpath(p) for p in list(paths)]
        except Exception:
            continue
        if not any(any(f.startswith(r + _os.sep) for r in roots) for f in folders):
            continue
        names = found.setdefault(name, [])
        for folder in folders:
            for here, dirs, files in _os.walk(folder):
                dirs[:] = sorted(
                    d for d in dirs
                    if d not in _NOT_SHIPPED and d != '__pycache__' and d.isidentifier()
                )
                rel = _os.path.relpath(here, folder)
                prefix = name if rel == '.' else name + '.' + rel.replace(_os.sep, '.')
                for f in sorted(files):
                    for suffix in suffixes:
                        if f.endswith(suffix):
                            stem = f[: -len(suffix)]
                            # Names that start with a digit import by name too (Django's
                            # migrations, 0001_initial, found with pkgutil and imported by name).
                            if _module_stem(stem) and stem not in _NOT_SHIPPED:
                                full = prefix if stem == '__init__' else prefix + '.' + stem
                                if len(names) < 5000 and full not in names:
                                    names.append(full)
                                    files_of.setdefault(name, []).append(_os.path.join(here, f))
                            break
    for name in list(found) if unrequired else []:
        out = _leave_out(name, found[name], files_of.get(name, []), unrequired)
        if out:
            found[name] = [m for m in found[name] if m not in out]
            _left_out[name] = out
    return found


def _module_stem(stem):
    return stem.isidentifier() or (stem[:1].isdigit() and ('_' + stem).isidentifier())


_NATIVE_MAGIC = (b'\x7fELF', b'\xcf\xfa\xed\xfe', b'\xca\xfe\xba\xbe', b'MZ')


def _venv_executables():
    # What poetry run puts on PATH besides the interpreter: the executables the installed
    # distributions wrote into the environment's scripts folder. Console scripts (entry points) by
    # their entry, native programs by their file; other scripts (a shebang naming this venv's
    # interpreter) cannot run elsewhere and are left out.
    import importlib.metadata
    import sysconfig
    scripts = _os.path.realpath(sysconfig.get_path('scripts'))
    found = {}
    for dist in importlib.metadata.distributions():
        try:
            name = dist.metadata['Name'] or ''
            entries = {
                ep.name: ep.value for ep in dist.entry_points
                if ep.group in ('console_scripts', 'gui_scripts')
            }
            files = list(dist.files or ())
        except Exception:
            continue
        for script, value in entries.items():
            on_disk = _os.path.join(scripts, script)
            if script not in found and (_os.path.isfile(on_disk) or _os.path.isfile(on_disk + '.exe')):
                found[script] = {'name': script, 'distribution': name, 'entry': value}
        for f in files:
            try:
                full = _os.path.realpath(str(f.locate()))
            except Exception:
                continue
            base = _os.path.basename(full)
            stem = base[:-4] if base.lower().endswith('.exe') else base
            if _os.path.dirname(full) != scripts or stem in found or stem in entries:
                continue
            try:
                with open(full, 'rb') as fh:
                    head = fh.read(4)
            except OSError:
                continue
            if head.startswith(_NATIVE_MAGIC) and _os.access(full, _os.X_OK):
                found[base] = {'name': base, 'distribution': name, 'path': full}
    return sorted(found.values(), key=lambda e: e['name'])


def _write(final=True):
    # One writer at a time: the snapshot thread and the exit handler.
    with _write_lock:
        if not _active[0]:
            return
        _active[0] = False
        try:
            _write_record(final)
        finally:
            # A snapshot pauses the trace (the tracer's own reads are not the program's).
            if not final:
                _active[0] = True


def _snapshot_watch():
    # Polls for the request file (the service's run only), bounded by the process's own life.
    import time
    while _active[0]:
        if _exists(_SNAPSHOT):
            _write(final=False)
            try:
                _os.unlink(_SNAPSHOT)
            except OSError:
                pass
            return
        time.sleep(0.05)


def _write_record(final):
    try:
        modules = {}
        for name in list(_imported):
            if name not in modules:
                modules[name] = _origin(name)
        for name in list(_sys.modules):
            if name not in modules:
                modules[name] = _origin(name)
        import json as _json
        data, sources, metadata = _classify()
        _unrequired[0] = _unrequired_names()
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
            'sources': {
                k: [f for f in v if clean(f)] for k, v in sources.items() if clean(k)
            },
            'sharedLibraries': [p for p in _shared_libraries() if clean(p)],
            'reentry': [h for h in dict.fromkeys(_spawned) if clean(h)],
            'reentryModules': [m for m in dict.fromkeys(_reentry_modules) if clean(m)],
            'pythonpath': [m for m in _from_pythonpath() if clean(m)],
            'searchPaths': [p for p in _added_search_paths() if clean(p)],
            'packageModules': {
                k: [m for m in v if clean(m)] for k, v in _package_modules().items() if clean(k)
            },
            'unrequired': {k: v for k, v in _unrequired[0].items() if clean(k)},
            'packageModulesLeftOut': {
                k: {m: d for m, d in v.items() if clean(m)} for k, v in _left_out.items() if clean(k)
            },
            'baseline': [m for m in _baseline if clean(m)],
            'executables': [e for e in _venv_executables() if clean(str(e))],
            'entryPoints': {
                g: [d for d in ds if clean(d)] for g, ds in _groups.items() if clean(g)
            },
            'final': final,
        }
        # Whole or not at all: a reader never sees half a record.
        with open(_TARGET + '.part', 'w') as f:
            _json.dump(record, f)
        _os.replace(_TARGET + '.part', _TARGET)
    except Exception as exc:  # the program's own exit status must not change
        if not final:
            return
        try:
            import json as _json_fallback
            with open(_TARGET, 'w') as f:
                _json_fallback.dump({'error': type(exc).__name__}, f)
        except Exception:
            pass


def _run():
    if len(_sys.argv) < 2:
        _sys.stderr.write('usage: tracer.py SCRIPT [ARGS...]\n')
        _sys.exit(2)
    script = _os.path.abspath(_sys.argv[1])
    _sys.argv = _sys.argv[1:]
    if _ARGV0:
        _sys.argv[0] = _ARGV0
    _sys.path[0] = _os.path.dirname(script)
    if _CWD:
        _os.chdir(_CWD)
    _initial_path.extend(_sys.path)
    if _TARGET:
        import importlib.util  # noqa: F401  (resolve_name needs it loaded)
        # Loaded before the baseline: they are the tracer's, not the program's.
        import ast  # noqa: F401
        import shutil  # noqa: F401
        import types  # noqa: F401
        _atexit.register(_write)
        if _SNAPSHOT:
            _threading.Thread(target=_snapshot_watch, name='poetry-binary-action-trace', daemon=True).start()
        _sys.addaudithook(_audit)
        _os.stat = _stat
        _os.lstat = _lstat
        _importlib.import_module = _import_module
        _patch_entry_points()
        _baseline.extend(_sys.modules)
        _orig_exit = _os._exit

        def _exit(code):
            # os._exit skips atexit: write the record first (programs use it to dodge shutdown races).
            if _active[0]:
                _write()
            _orig_exit(code)

        _os._exit = _exit
    # runpy.run_path would set argv[0] to the script's path; run it as __main__ by hand instead.
    import types
    main = types.ModuleType('__main__')
    main.__file__ = script
    main.__builtins__ = __builtins__
    _sys.modules['__main__'] = main
    with open(script, 'rb') as f:
        code = compile(f.read(), script, 'exec')
    exec(code, main.__dict__)


_run()
`
