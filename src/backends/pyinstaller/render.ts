import type { BuildMode, DataFile } from '../../inputs.js'
import { pyBool, pyString, pyStringList } from '../../pyliteral.js'
import { PACKAGES_DISTRIBUTIONS_PY } from '../../python-compat.js'
import { BUILD_INPUTS_PY } from '../common.js'

/** Modules never wanted in a CLI service binary; the `excludes` input adds to these. */
export const DEFAULT_EXCLUDES: readonly string[] = [
  'tkinter',
  '_tkinter',
  'matplotlib',
  'IPython',
  'pytest',
  '_pytest',
  'nose',
  'hypothesis'
]

/** Everything renderSpec needs; all paths absolute. */
export interface SpecOptions {
  name: string
  /** The script PyInstaller analyses (the user's, or a generated launcher). */
  script: string
  pathex: string[]
  mode: BuildMode
  hiddenImports: string[]
  collectSubmodules: string[]
  /** Packages whose data files are collected (collect_data_files). */
  collectData: string[]
  /** Distributions whose metadata is copied (copy_metadata). */
  copyMetadata: string[]
  /** Extra excludes, on top of DEFAULT_EXCLUDES. */
  excludes: string[]
  datas: DataFile[]
  optimize: 0 | 1 | 2
  upx: boolean
  upxExclude: string[]
  strip: boolean
  /** Runtime hook scripts (absolute paths), e.g. the import tracer used by validation. */
  runtimeHooks: string[]
  /** Folders of `.py` files bundled as files (`package` or `package/sub/dir`): read, not imported. */
  sources: string[]
  /** Shared libraries (absolute paths) the program loaded with ctypes. */
  sharedLibraries: string[]
  /** Data and metadata of every distribution the analysis carries, unless turned off. */
  packageData: PackageDataPlan
}

/** How the generated spec bundles the data and metadata of what the analysis carries. */
export interface PackageDataPlan {
  /** false: only what collect-data / copy-metadata and the trace name. */
  all: boolean
  /** Distributions and top-level packages left out (normalised distribution names, package names). */
  skip: string[]
  /** Distributions always covered: the project's own, which an editable install does not map. */
  distributions: string[]
  /** Where the spec writes what it added, in bytes per distribution (JSON). */
  reportPath: string
}

/**
 * Python run by the spec after the analysis: every package the analysis carries brings its
 * non-code files, and every distribution it belongs to its `*.dist-info`, as collect_data_files and
 * copy_metadata would. What was added is written to the report file, in bytes per distribution.
 */
const CARRY_DISTRIBUTIONS = `${BUILD_INPUTS_PY}
def _pba_carry(a, skip, always, report):
    import importlib.machinery
    import importlib.metadata as md
    import json
    import os
    import re
    import sysconfig

    def norm(name):
        return re.sub(r'[-_.]+', '-', name).lower()

    skip = {norm(s) for s in skip}
    code = tuple(importlib.machinery.all_suffixes()) + ('.pyo',)
    have = {dest.replace(os.sep, '/') for dest, _, _ in a.datas}
    owners = _pba_packages_distributions()
    added = {}

    def add(group, dest, src, key):
        dest = dest.replace(os.sep, '/')
        if dest in have:
            return
        have.add(dest)
        a.datas.append((dest, src, 'DATA'))
        entry = added.setdefault(group, {'dataBytes': 0, 'dataFiles': 0, 'metadataBytes': 0})
        entry[key] += os.path.getsize(src)
        if key == 'dataBytes':
            entry['dataFiles'] += 1

    # The standard library is the backend's business (its hooks know which data it needs).
    stdlib = {os.path.realpath(sysconfig.get_paths()[k]) for k in ('stdlib', 'platstdlib')}

    def in_stdlib(folder):
        real = os.path.realpath(folder)
        return 'site-packages' not in real and any(real.startswith(s + os.sep) for s in stdlib)

    def portable_metadata(filename, src):
        # Where this machine installed a distribution from (direct_url.json; RECORD lines for
        # files outside the bundle, such as console scripts whose shebang names this venv) means
        # nothing in a binary and would make two builds of the same sources in two folders differ.
        if filename == 'direct_url.json':
            return None
        if filename != 'RECORD':
            return src
        with open(src, encoding='utf-8', errors='replace') as f:
            lines = f.read().splitlines(True)
        keep = [l for l in lines if not l.startswith(('/', '..', '\\\\')) and l[1:3] != ':\\\\']
        if keep == lines:
            return src
        out = os.path.join(os.path.dirname(report), 'pba-metadata', os.path.basename(os.path.dirname(src)), 'RECORD')
        os.makedirs(os.path.dirname(out), exist_ok=True)
        with open(out, 'w', encoding='utf-8') as f:
            f.writelines(keep)
        return out

    def is_stub_of_code(filename, files):
        # A .pyi beside the module it types is for type checkers, never read at run time
        # (temporalio ships 12 MB of them); a .pyi with no module beside it is data (typeshed).
        if not filename.endswith('.pyi'):
            return False
        stem = filename[:-4]
        return any(f != filename and f.split('.')[0] == stem and f.endswith(code) for f in files)

    def is_package(folder):
        return any(os.path.exists(os.path.join(folder, i)) for i in ('__init__.py', '__init__.pyc'))

    def leave_out(group, folder=None, src=None):
        # Compiler inputs are counted as left out, not added (a file a traced run opened is
        # carried by the trace all the same).
        entry = added.setdefault(group, {'dataBytes': 0, 'dataFiles': 0, 'metadataBytes': 0})
        paths = [src] if src else [os.path.join(r, f) for r, _, fs in os.walk(folder) for f in fs]
        entry['buildInputsFiles'] = entry.get('buildInputsFiles', 0) + len(paths)
        entry['buildInputsBytes'] = entry.get('buildInputsBytes', 0) + sum(os.path.getsize(p) for p in paths)

    tops = set()
    for name, src, kind in a.pure:
        tops.add(name.split('.')[0])
        if not src or os.path.basename(src) not in ('__init__.py', '__init__.pyc'):
            continue
        top = name.split('.')[0]
        group = (owners.get(top) or [top])[0]
        if norm(group) in skip or norm(top) in skip:
            continue
        folder = os.path.dirname(src)
        if in_stdlib(folder):
            continue
        base = name.replace('.', '/')
        for root, dirs, files in os.walk(folder):
            # Sub-packages come with their own entry when the analysis carries them.
            dirs[:] = sorted(
                d for d in dirs if d != '__pycache__' and not is_package(os.path.join(root, d))
            )
            for d in [d for d in dirs if _pba_is_build_tree(os.path.join(root, d))]:
                dirs.remove(d)
                leave_out(group, folder=os.path.join(root, d))
            rel = os.path.relpath(root, folder).replace(os.sep, '/')
            for f in sorted(files):
                if f.endswith(code) or is_stub_of_code(f, files):
                    continue
                if _pba_is_build_input(f):
                    leave_out(group, src=os.path.join(root, f))
                    continue
                add(group, base + '/' + ('' if rel == '.' else rel + '/') + f, os.path.join(root, f), 'dataBytes')
    for dest, src, kind in a.binaries:
        if kind == 'EXTENSION':
            tops.add(dest.replace(os.sep, '/').split('/')[0].split('.')[0])
    dists = {d for t in tops for d in owners.get(t, [])} | set(always)
    for name in sorted(dists):
        if norm(name) in skip:
            continue
        try:
            dist = md.distribution(name)
        except md.PackageNotFoundError:
            continue
        meta = [f for f in (dist.files or []) if f.parts and f.parts[0].endswith(('.dist-info', '.egg-info'))]
        folder = str(dist.locate_file(meta[0].parts[0])) if meta else getattr(dist, '_path', None)
        if not folder or not os.path.isdir(str(folder)):
            continue
        folder = str(folder)
        for root, dirs, files in os.walk(folder):
            dirs.sort()
            for f in sorted(files):
                src = os.path.join(root, f)
                kept = portable_metadata(f, src)
                if kept is None:
                    continue
                add(dist.metadata['Name'] or name, os.path.basename(folder) + '/' + os.path.relpath(src, folder), kept, 'metadataBytes')
    with open(report, 'w') as out:
        json.dump(added, out, indent=1, sort_keys=True)
`

/** The effective excludes: defaults plus the user's, minus anything the user asked to import. */
export function effectiveExcludes(
  extra: readonly string[],
  hiddenImports: readonly string[]
): string[] {
  const wanted = new Set(hiddenImports)
  return [...new Set([...DEFAULT_EXCLUDES, ...extra])].filter(m => !wanted.has(m))
}

/** Renders a PyInstaller 6.x spec. Pure: every value is emitted as an escaped Python literal. */
export function renderSpec(o: SpecOptions): string {
  const datas =
    o.datas.length === 0
      ? '[]'
      : `[\n${o.datas.map(d => `    (${pyString(d.source)}, ${pyString(d.dest)}),`).join('\n')}\n]`
  const bundleOptions = [
    `strip=${pyBool(o.strip)}`,
    `upx=${pyBool(o.upx)}`,
    `upx_exclude=${pyStringList(o.upxExclude, '    ')}`
  ]
  const exeCommon = [
    `name=${pyString(o.name)}`,
    'debug=False',
    'bootloader_ignore_signals=False',
    ...bundleOptions,
    'console=True',
    'disable_windowed_traceback=False',
    'argv_emulation=False',
    'target_arch=None',
    'codesign_identity=None',
    'entitlements_file=None'
  ]
  const tail =
    o.mode === 'onefile'
      ? [
          'exe = EXE(',
          '    pyz,',
          '    a.scripts,',
          '    a.binaries,',
          '    a.datas,',
          '    [],',
          ...exeCommon.map(l => `    ${l},`),
          '    runtime_tmpdir=None,',
          ')'
        ]
      : [
          'exe = EXE(',
          '    pyz,',
          '    a.scripts,',
          '    [],',
          '    exclude_binaries=True,',
          ...exeCommon.map(l => `    ${l},`),
          ')',
          'coll = COLLECT(',
          '    exe,',
          '    a.binaries,',
          '    a.datas,',
          ...bundleOptions.map(l => `    ${l},`),
          `    name=${pyString(o.name)},`,
          ')'
        ]
  return [
    '# -*- mode: python ; coding: utf-8 -*-',
    '# Generated by poetry-binary-action for PyInstaller 6.x. Change the action inputs rather than',
    '# this file, or pass your own spec with the `spec` input.',
    'import os',
    'import sys',
    '',
    'from PyInstaller.utils.hooks import collect_data_files, collect_submodules, copy_metadata',
    '',
    `pathex = ${pyStringList(o.pathex)}`,
    '# collect_submodules imports packages by name, so the project folders must be importable first.',
    'sys.path[:0] = [_p for _p in pathex if _p not in sys.path]',
    `hiddenimports = ${pyStringList(o.hiddenImports)}`,
    `for _package in ${pyStringList(o.collectSubmodules)}:`,
    '    hiddenimports += collect_submodules(_package)',
    `datas = ${datas}`,
    `for _package in ${pyStringList(o.collectData)}:`,
    '    datas += collect_data_files(_package)',
    `for _distribution in ${pyStringList(o.copyMetadata)}:`,
    '    datas += copy_metadata(_distribution)',
    '# Folders of .py files the program reads as files (not imports): they go in as files.',
    `for _folder in ${pyStringList(o.sources)}:`,
    "    _package, _, _sub = _folder.partition('/')",
    '    datas += collect_data_files(_package, include_py_files=True, subdir=_sub or None)',
    '# Shared libraries the program loaded with ctypes: beside their package, or at the top.',
    'binaries = []',
    `for _library in ${pyStringList(o.sharedLibraries)}:`,
    "    _dest = '.'",
    '    for _root in sorted((os.path.realpath(p) for p in sys.path if p), key=len, reverse=True):',
    "        if 'site-packages' in _root and _library.startswith(_root + os.sep):",
    "            _dest = os.path.dirname(os.path.relpath(_library, _root)) or '.'",
    '            break',
    '    binaries.append((_library, _dest))',
    '',
    'a = Analysis(',
    `    [${pyString(o.script)}],`,
    '    pathex=pathex,',
    '    binaries=binaries,',
    '    datas=datas,',
    '    hiddenimports=hiddenimports,',
    '    hookspath=[],',
    '    hooksconfig={},',
    `    runtime_hooks=${pyStringList(o.runtimeHooks, '    ')},`,
    `    excludes=${pyStringList(effectiveExcludes(o.excludes, o.hiddenImports), '    ')},`,
    '    noarchive=False,',
    `    optimize=${o.optimize},`,
    ')',
    ...(o.packageData.all
      ? [
          '# Data and metadata of every distribution the analysis carries (input package-data).',
          ...PACKAGES_DISTRIBUTIONS_PY.trim().split('\n'),
          ...CARRY_DISTRIBUTIONS.trim().split('\n'),
          `_pba_carry(a, ${pyStringList(o.packageData.skip)}, ${pyStringList(o.packageData.distributions)}, ${pyString(o.packageData.reportPath)})`
        ]
      : []),
    'pyz = PYZ(a.pure)',
    '',
    ...tail,
    ''
  ].join('\n')
}
