/**
 * Python programs the Nuitka backend writes out: the user plugin that carries the validation probe
 * into the binary, and the composition reader. Kept as text so the ncc bundle carries them.
 */
import { PROBE_HOOK } from '../../validate/python-helpers.js'
import { PACKAGES_DISTRIBUTIONS_PY, STDLIB_NAMES_PY } from '../../python-compat.js'

/**
 * A Nuitka user plugin (`--user-plugin`) that runs the probe hook before the main module, as
 * PyInstaller's runtime hook does. The hook is inert unless validation sets its env var.
 */
export function probePlugin(
  buildId: string,
  postLoad: readonly { module: string; code: string; why: string }[],
  /** Code run before the main module, ahead of the probe (the re-entry hook). */
  preMain = ''
): string {
  const table = postLoad.map(
    p => `    ${JSON.stringify(p.module)}: (${JSON.stringify(p.code)}, ${JSON.stringify(p.why)}),`
  )
  return `# Nuitka user plugin added by poetry-binary-action: the validation probe (inert by default)
# and the post-load fixes of known libraries.
from nuitka.plugins.PluginBase import NuitkaPluginBase

_PROBE = ${JSON.stringify(`${preMain}\n${PROBE_HOOK}`)}
_BUILD_ID = ${JSON.stringify(buildId)}
_POST_LOAD = {
${table.join('\n')}
}


class PoetryBinaryActionProbe(NuitkaPluginBase):
    plugin_name = "poetry-binary-action-probe"
    plugin_desc = "Records imported modules at exit when POETRY_BINARY_ACTION_PROBE is set."

    @staticmethod
    def isAlwaysEnabled():
        return True

    def createPreModuleLoadCode(self, module):
        if module.isMainModule():
            return _PROBE, "poetry-binary-action validation probe"
        return None

    def createPostModuleLoadCode(self, module):
        entry = _POST_LOAD.get(module.getFullName().asString())
        if entry:
            return "BUILD_ID = %r\\n%s" % (_BUILD_ID, entry[0]), entry[1]
        return None
`
}

/**
 * Lists what a Nuitka build contains, grouped like the PyInstaller reader: compiled modules by the
 * size of their object file, bytecode modules by their share of the bytecode blob, and every file of the dist folder
 * (extension modules, shared libraries, data). The rest of the main executable is Nuitka's runtime.
 * argv: <report.xml> <dist folder> <build folder> <main executable's name in dist>. Prints JSON.
 */
export const NUITKA_COMPOSITION_SCRIPT = String.raw`
import json, os, sys
import xml.etree.ElementTree as ET
from collections import defaultdict

report, dist, build, main_name = sys.argv[1:5]
${PACKAGES_DISTRIBUTIONS_PY}
${STDLIB_NAMES_PY}
STDLIB = _pba_stdlib_names()
SHARED = ('.so', '.dll', '.dylib', '.pyd')
# Nuitka's report writes paths with placeholders for sys.prefix, sys.real_prefix and the cwd.
PLACEHOLDERS = {'$' '{sys.prefix}': sys.prefix, '$' '{sys.real_prefix}': sys.base_prefix, '$' '{cwd}': os.getcwd()}
sizes = defaultdict(int)
kinds = defaultdict(set)
dists = {}

def group_of(top):
    return 'stdlib' if top in STDLIB or top.startswith('_') and top[1:] in STDLIB else top

def real(path):
    for k, v in PLACEHOLDERS.items():
        path = path.replace(k, v)
    return path

root = ET.parse(report).getroot()
objects = 0
uncompiled = defaultdict(int)
for m in root.iter('module'):
    name, kind = m.get('name', ''), m.get('kind', '')
    if kind == 'PythonExtensionModule':
        continue  # its file is in the dist folder
    if kind == 'PythonMainModule':
        group = 'entry-script'
    elif name.startswith('__parents_main__') or name.endswith(('-preLoad', '-postLoad')):
        group = 'nuitka-runtime'  # Nuitka's own helper modules
    elif m.get('usage') == 'stdlib':
        group = 'stdlib'
    else:
        group = group_of(name.split('.')[0])
    if m.get('distribution'):
        dists.setdefault(group, m.get('distribution'))
    obj = os.path.join(build, 'module.%s.o' % name)
    if kind.startswith('Compiled') or kind == 'PythonMainModule':
        n = os.path.getsize(obj) if os.path.exists(obj) else 0
        objects += n
    else:
        src = real(m.get('source_path', ''))
        uncompiled[group] += os.path.getsize(src) if os.path.isfile(src) else 0
        n = 0
    sizes[group] += n
    kinds[group].add('python')

# Bytecode modules live in one blob inside the executable: share its size by their source sizes.
blob_path = os.path.join(build, '__bytecode.const')
blob = os.path.getsize(blob_path) if os.path.exists(blob_path) else 0
total_src = sum(uncompiled.values()) or 1
for group, n in uncompiled.items():
    sizes[group] += round(blob * n / total_src)

main_bin = 0
for dirpath, _, files in os.walk(dist):
    for f in files:
        full = os.path.join(dirpath, f)
        rel = os.path.relpath(full, dist).replace('\\', '/')
        n = os.path.getsize(full)
        parts = rel.split('/')
        if rel == main_name:
            main_bin = n
            continue
        if len(parts) > 1:
            top = parts[0]
            group = 'metadata' if top.endswith(('.dist-info', '.egg-info')) else top[:-5] if top.endswith('.libs') else group_of(top)
        else:
            top = f.split('.')[0]
            group = group_of(top) if top in STDLIB or top.startswith('_') else f
        sizes[group] += n
        kinds[group].add('binary' if f.endswith(SHARED) or '.so.' in f else 'data')

if main_bin:
    sizes['nuitka-runtime'] += max(0, main_bin - objects - blob)
    kinds['nuitka-runtime'].add('binary')

try:
    for top, names in _pba_packages_distributions().items():
        dists.setdefault(top, names[0])
except Exception:
    pass

rows = [
    {'package': g, 'bytes': b, 'kinds': sorted(kinds[g]), 'distribution': dists.get(g) if g not in ('stdlib', 'entry-script', 'nuitka-runtime', 'metadata') else None}
    for g, b in sizes.items() if b > 0
]
rows.sort(key=lambda r: (-r['bytes'], r['package']))
print(json.dumps({'archiveBytes': sum(r['bytes'] for r in rows), 'entries': rows}))
`
