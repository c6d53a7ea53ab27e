/**
 * Python programs the validation stage runs. They live here as text so the ncc bundle carries them;
 * they are written to RUNNER_TEMP and run in the project's environment.
 */
import { PACKAGES_DISTRIBUTIONS_PY, STDLIB_NAMES_PY } from '../python-compat.js'

/** Env var naming the file prefix the probe hook writes to; the hook is inert without it. */
export const PROBE_ENV = 'POETRY_BINARY_ACTION_PROBE'
/** Env var listing (comma-separated) the variables whose presence the probe reports. */
export const PROBE_KEYS_ENV = 'POETRY_BINARY_ACTION_PROBE_KEYS'

/**
 * PyInstaller runtime hook bundled into the binary. Inert unless POETRY_BINARY_ACTION_PROBE is set;
 * then, at exit, it writes which modules were imported, whether the listed variables were set
 * (names and booleans only, never values), and how many entry points each queried group had.
 * Validation uses it for env passthrough and to spot entry-point groups emptied by missing metadata.
 */
export const PROBE_HOOK = `# Runtime hook added by poetry-binary-action: inert unless ${PROBE_ENV} is set.
import os as _pba_os

_pba_target = _pba_os.environ.get('${PROBE_ENV}')
if _pba_target:
    import atexit as _pba_atexit

    _pba_groups = {}
    try:
        import importlib.metadata as _pba_md

        _pba_select = _pba_md.EntryPoints.select

        def _pba_traced_select(self, **params):
            result = _pba_select(self, **params)
            if params.get('group') is not None:
                group = str(params['group'])
                _pba_groups[group] = max(_pba_groups.get(group, 0), len(list(result)))
            return result

        _pba_md.EntryPoints.select = _pba_traced_select
    except Exception:
        pass

    def _pba_write():
        import json
        import sys
        keys = [k for k in _pba_os.environ.get('${PROBE_KEYS_ENV}', '').split(',') if k]
        data = {
            'modules': sorted(sys.modules),
            'env': {k: bool(_pba_os.environ.get(k)) for k in keys},
            'entryPoints': _pba_groups,
        }
        with open('%s.%d.json' % (_pba_target, _pba_os.getpid()), 'w') as f:
            json.dump(data, f)

    _pba_atexit.register(_pba_write)
`

/**
 * Lists what a PyInstaller binary contains with PyInstaller's own archive readers, grouped by
 * top-level package (Python modules, extensions, data) or by shared library; stdlib is one group.
 * argv: <executable> [<onedir folder>]. Prints JSON.
 */
export const COMPOSITION_SCRIPT = String.raw`
import json, os, sys
from collections import defaultdict
from PyInstaller.archive.readers import CArchiveReader

${PACKAGES_DISTRIBUTIONS_PY}
${STDLIB_NAMES_PY}
try:
    DISTS = _pba_packages_distributions()
except Exception:
    DISTS = {}
STDLIB = _pba_stdlib_names()
SHARED = ('.so', '.dll', '.dylib', '.pyd')

def group_of_module(name):
    top = name.split('.')[0]
    return 'stdlib' if top in STDLIB or top.startswith('_') and top[1:] in STDLIB else top

def group_of_file(name):
    parts = name.replace('\\', '/').split('/')
    if parts[0] in ('lib-dynload', 'base_library.zip') or parts[0].startswith('python3') and len(parts) > 1:
        return 'stdlib'
    if len(parts) > 1:
        top = parts[0]
        if top.endswith('.dist-info') or top.endswith('.egg-info'):
            return 'metadata'
        if top.endswith('.libs'):
            return top[:-5]
        return group_of_module(top)
    base = parts[0]
    if base.endswith(SHARED) or '.so.' in base:
        top = base.split('.')[0]
        return group_of_module(top) if top in DISTS or top in STDLIB else base
    return base

sizes = defaultdict(int)
kinds = defaultdict(set)
exe = sys.argv[1]
archive = CArchiveReader(exe)
archive_bytes = 0
for name, (offset, length, ulen, flag, typecode) in archive.toc.items():
    archive_bytes += length
    if typecode == 'z':
        pyz = archive.open_embedded_archive(name)
        entries = [(m, e[2]) for m, e in pyz.toc.items()]
        inner = sum(l for _, l in entries) or 1
        given = 0
        for i, (mod, l) in enumerate(entries):
            share = length - given if i == len(entries) - 1 else round(length * l / inner)
            given += share
            g = group_of_module(mod)
            sizes[g] += share
            kinds[g].add('python')
    elif typecode in ('m', 's', 'M'):
        sizes['pyinstaller-bootstrap' if typecode != 's' else 'entry-script'] += length
        kinds['pyinstaller-bootstrap' if typecode != 's' else 'entry-script'].add('python')
    elif typecode == 'o':
        continue
    else:
        g = group_of_file(name)
        sizes[g] += length
        kinds[g].add('binary' if typecode in ('b', 'd') or name.endswith(SHARED) else 'data')

if len(sys.argv) > 2:
    root = sys.argv[2]
    for dirpath, _, files in os.walk(root):
        for f in files:
            full = os.path.join(dirpath, f)
            if os.path.abspath(full) == os.path.abspath(exe):
                continue
            rel = os.path.relpath(full, root).replace('\\', '/')
            if rel.startswith('_internal/'):
                rel = rel[len('_internal/'):]
            n = os.path.getsize(full)
            archive_bytes += n
            g = group_of_file(rel)
            sizes[g] += n
            kinds[g].add('binary' if f.endswith(SHARED) or '.so.' in f else 'data')

rows = [
    {'package': g, 'bytes': b, 'kinds': sorted(kinds[g]), 'distribution': (DISTS.get(g) or [None])[0]}
    for g, b in sizes.items()
]
rows.sort(key=lambda r: (-r['bytes'], r['package']))
print(json.dumps({'archiveBytes': archive_bytes, 'entries': rows}))
`

/**
 * Writes the native files (binaries and extension modules) a PyInstaller onefile archive carries
 * into a folder, with their archive paths, so their ELF/Mach-O headers can be read.
 * argv: <executable> <folder>. Prints the number of files written.
 */
export const UNPACK_NATIVE_SCRIPT = String.raw`
import os, sys
from PyInstaller.archive.readers import CArchiveReader

exe, out = sys.argv[1], sys.argv[2]
archive = CArchiveReader(exe)
n = 0
for name, entry in archive.toc.items():
    if entry[-1] != 'b':
        continue
    data = archive.extract(name)
    if not data or data[:4] not in (b'\x7fELF', b'\xcf\xfa\xed\xfe', b'\xce\xfa\xed\xfe', b'\xca\xfe\xba\xbe'):
        continue
    target = os.path.normpath(os.path.join(out, name))
    if not target.startswith(os.path.abspath(out)):
        continue
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, 'wb') as f:
        f.write(data)
    n += 1
print(n)
`
