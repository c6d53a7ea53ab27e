/**
 * Python programs the Nuitka backend writes out: the user plugin that carries the validation probe
 * into the binary, and the composition reader. Kept as text so the ncc bundle carries them.
 */
import { PROBE_HOOK } from '../../validate/python-helpers.js'
import { PACKAGES_DISTRIBUTIONS_PY, STDLIB_NAMES_PY } from '../../python-compat.js'
import { BUILD_INPUTS_PY } from '../common.js'
import { FINISH_PY } from '../runtime-hooks.js'
import { FOLLOW_PATTERNS_PY } from './follow-patterns.js'
import { IMPORT_RECORDS_PY } from './import-records.js'
import { BOOTSTRAP_PY } from './bootstrap.js'

/** What the plugin does beyond the probe: inclusion and compilation choices made inside Nuitka. */
export interface PluginPlan {
  buildId: string
  postLoad: readonly { module: string; code: string; why: string }[]
  /** Code run before the main module, ahead of the probe (the re-entry hook). */
  preMain?: string
  /** Top-level packages of the project itself (compiled to C under `nuitka-bytecode: auto`). */
  ownPackages?: string[]
  /** `auto`: third-party modules as bytecode (the plugin decides); otherwise Nuitka's flags do. */
  bytecodeAuto?: boolean
  /** Data and metadata of every distribution the build carries (input package-data). */
  packageData?: { all: boolean; skip: string[]; reportPath: string }
  /**
   * Distributions whose metadata is asked for by name, with the packages to bind it to when the
   * installed metadata names none (an editable install: a `.pth` and a RECORD without packages).
   */
  metadata?: { distribution: string; packages: string[] }[]
  /** Where the plugin writes stand-in metadata folders for those (put first on sys.path). */
  metadataDir?: string
  /**
   * Distributions whose metadata the plugin adds once the module set is final: bound to one of
   * their packages when the build has one, else carried as a `.dist-info` folder of files.
   */
  lateMetadata?: string[]
  /** Folders of `.py` files read as files (`pkg` or `pkg/sub/dir`). */
  sources?: string[]
  /** Shared libraries loaded with ctypes (absolute paths). */
  sharedLibraries?: string[]
  /** Third-party top-level packages compiled to C under auto anyway (they gain from it). */
  compiledPackages?: string[]
  /**
   * Where the plugin writes how many bytecode modules got an import record from a scan of their
   * source (import-records.ts) instead of Nuitka's optimisation; the scan is on when set.
   */
  importRecordsReport?: string
  /** The onefile payload's zstd level (Nuitka's own is 22); unset leaves Nuitka's. */
  compressionLevel?: number
}

/**
 * Python run before the main module in every Nuitka binary: Nuitka's metadata finder matches
 * distribution names by lower case only, where importlib.metadata matches them normalised
 * (`Acme.Dotted-Tool` is found as `acme-dotted-tool` and `acme_dotted_tool`). This finder answers
 * the normalised lookups Nuitka's misses, from Nuitka's own records. No imports at start.
 */
export const NORMALISED_METADATA_FINDER = `
def _pba_metadata_finder():
    import sys

    class PbaNormalisedDistributions:
        """Finds metadata Nuitka carries under a name spelt differently (PEP 503 normalisation)."""

        @staticmethod
        def find_spec(*args, **kwargs):
            return None

        @staticmethod
        def find_distributions(context=None):
            name = getattr(context, 'name', None)
            if not name:
                return iter(())
            import re
            from importlib.metadata import DistributionFinder

            def norm(n):
                return re.sub(r'[-_.]+', '-', n).lower()

            found = []
            for finder in sys.meta_path:
                kind = type(finder).__name__ + getattr(finder, '__name__', '')
                if 'nuitka' not in kind or not hasattr(finder, 'find_distributions'):
                    continue
                for dist in finder.find_distributions(DistributionFinder.Context()):
                    real = dist.metadata['Name'] or ''
                    # Nuitka answers the lower-case spelling itself: only the others are ours.
                    if real.lower() != name.lower() and norm(real) == norm(name):
                        found.append(dist)
            return iter(found)

    sys.meta_path.append(PbaNormalisedDistributions)


_pba_metadata_finder()
del _pba_metadata_finder
`

/**
 * Pre-main code that ends the process when it raises SystemExit or fails. Nuitka reports an
 * exception raised in a module's pre-load code as ignored ("Exception ignored in:
 * '__main__-preLoad'") and runs the program anyway, so the re-entry hook (`sys.executable -c`)
 * ran the code and then the program with its arguments. This ends the process as the interpreter
 * would: atexit handlers, non-daemon threads, flushed streams, the exit status. Pure.
 */
export function exitingPreMain(source: string): string {
  return `
${FINISH_PY}


def _pba_pre_main(source):
    # The hooks find the bundle and the onefile launcher through __compiled__ and __file__.
    scope = {'__name__': '__pba_pre_main__', '__builtins__': __builtins__}
    for name in ('__compiled__', '__file__'):
        if name in globals():
            scope[name] = globals()[name]
    exec(compile(source, '<poetry-binary-action pre-main>', 'exec'), scope)


_pba_finish(_pba_pre_main, ${JSON.stringify(source)}, exit_after=False)
del _pba_pre_main, _pba_finish
`
}

/**
 * Python run before the main module in every Nuitka binary: Nuitka 4.3 crashes (SIGSEGV, exit 139,
 * no traceback) when `signal.default_int_handler`, the C builtin, raises KeyboardInterrupt into a
 * compiled function's loop, so a Ctrl-C killed most programs; raised by a Python handler, the
 * KeyboardInterrupt unwinds as in CPython. The stand-in is a Python handler, and `signal.signal`
 * and `signal.getsignal` hide it (asyncio.run installs its own Ctrl-C handling when it sees the
 * default handler).
 */
export const PYTHON_SIGINT_HANDLER = `
def _pba_python_sigint():
    import functools
    import signal

    if signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        return
    real_signal, real_getsignal = signal.signal, signal.getsignal

    def default_int_handler(signum, frame):
        raise KeyboardInterrupt

    def shown(handler):
        return signal.default_int_handler if handler is default_int_handler else handler

    @functools.wraps(real_signal)
    def set_handler(signalnum, handler):
        if signalnum == signal.SIGINT and handler is signal.default_int_handler:
            handler = default_int_handler
        return shown(real_signal(signalnum, handler))

    @functools.wraps(real_getsignal)
    def get_handler(signalnum):
        return shown(real_getsignal(signalnum))

    real_signal(signal.SIGINT, default_int_handler)
    signal.signal, signal.getsignal = set_handler, get_handler


_pba_python_sigint()
del _pba_python_sigint
`

/**
 * A Nuitka user plugin (`--user-plugin`) that runs the probe hook before the main module, as
 * PyInstaller's runtime hook does (inert unless validation sets its env var), and makes the
 * inclusion choices that need Nuitka's module set: package data and metadata of what the build
 * carries, source folders, ctypes libraries, and which modules are bytecode.
 */
export function probePlugin(plan: PluginPlan): string {
  const table = plan.postLoad.map(
    p => `    ${JSON.stringify(p.module)}: (${JSON.stringify(p.code)}, ${JSON.stringify(p.why)}),`
  )
  const config = {
    own: plan.ownPackages ?? [],
    bytecodeAuto: plan.bytecodeAuto ?? false,
    packageData: plan.packageData ?? { all: false, skip: [], reportPath: '' },
    metadata: plan.metadata ?? [],
    metadataDir: plan.metadataDir ?? '',
    lateMetadata: plan.lateMetadata ?? [],
    sources: plan.sources ?? [],
    sharedLibraries: plan.sharedLibraries ?? [],
    compiled: plan.compiledPackages ?? [],
    importRecordsReport: plan.importRecordsReport ?? '',
    compressionLevel: plan.compressionLevel ?? null
  }
  return `# Nuitka user plugin added by poetry-binary-action: the validation probe (inert by default),
# the post-load fixes of known libraries, and inclusion choices made on Nuitka's module set.
import json
import os
import re
import sys

from nuitka.plugins.PluginBase import NuitkaPluginBase

_PROBE = ${JSON.stringify(`${PYTHON_SIGINT_HANDLER}\n${plan.preMain ?? ''}\n${NORMALISED_METADATA_FINDER}\n${PROBE_HOOK}`)}
_BUILD_ID = ${JSON.stringify(plan.buildId)}
_POST_LOAD = {
${table.join('\n')}
}
_CONFIG = json.loads(${JSON.stringify(JSON.stringify(config))})
${BUILD_INPUTS_PY}
${IMPORT_RECORDS_PY}
${FOLLOW_PATTERNS_PY}
${BOOTSTRAP_PY}
${PLUGIN_HELPERS}
`
}

/** The plugin's body: kept apart so its Python reads as Python. */
const PLUGIN_HELPERS = String.raw`

def _norm(name):
    return re.sub(r'[-_.]+', '-', name).lower()


def _declared_packages(dist):
    """Top-level packages the installed metadata names, as Nuitka infers them (top_level.txt, RECORD)."""
    text = dist.read_text('top_level.txt')
    if text and text.strip():
        return [line.strip() for line in text.splitlines() if line.strip()]
    tops = []
    for f in dist.files or []:
        first = f.parts[0] if f.parts else ''
        if first.startswith(('.', '/')) or first.endswith(('.dist-info', '.egg-info')) or first == '__pycache__':
            continue
        if len(f.parts) == 1:
            if not first.endswith('.py'):
                continue
            first = first[:-3]
        if first.isidentifier() and first not in tops:
            tops.append(first)
    return tops


def _editable_folders(dist):
    """Folders a .pth file of the distribution adds to sys.path (how poetry install links a project)."""
    folders = []
    for f in dist.files or []:
        if f.name.endswith('.pth'):
            try:
                lines = open(str(dist.locate_file(f)), encoding='utf-8').read().splitlines()
            except OSError:
                continue
            folders += [l.strip() for l in lines if l.strip() and not l.startswith(('#', 'import'))]
    return [f for f in folders if os.path.isdir(f)]


def _write_stand_ins():
    """
    Nuitka binds a distribution's metadata to one of its packages, read from top_level.txt or
    RECORD; an editable install has neither (its RECORD lists a .pth with an absolute path, which
    Nuitka reads as the package ''). A stand-in folder with the same METADATA and entry points and
    a top_level.txt naming the packages goes first on sys.path, so Nuitka finds it instead.
    """
    import importlib.metadata as md

    if not _CONFIG['metadataDir']:
        return
    for wanted in _CONFIG['metadata']:
        try:
            dist = md.distribution(wanted['distribution'])
        except md.PackageNotFoundError:
            continue
        if _declared_packages(dist):
            continue
        folders = _editable_folders(dist)
        candidates = list(wanted['packages']) + [_norm(dist.metadata['Name'] or '').replace('-', '_')]
        for folder in folders:
            for entry in sorted(os.listdir(folder)):
                if os.path.isfile(os.path.join(folder, entry, '__init__.py')) or entry.endswith('.py'):
                    candidates.append(entry[:-3] if entry.endswith('.py') else entry)
        present = []
        for name in candidates:
            if name in present or not name.isidentifier():
                continue
            if any(os.path.isdir(os.path.join(f, name)) or os.path.isfile(os.path.join(f, name + '.py')) for f in folders) or (not folders and name in wanted['packages']):
                present.append(name)
        if not present:
            continue
        meta = [f for f in dist.files or [] if f.parts and f.parts[0].endswith('.dist-info')]
        base = meta[0].parts[0] if meta else '%s-%s.dist-info' % (_norm(dist.metadata['Name']).replace('-', '_'), dist.version)
        target = os.path.join(_CONFIG['metadataDir'], base)
        os.makedirs(target, exist_ok=True)
        for name in ('METADATA', 'entry_points.txt', 'WHEEL'):
            text = dist.read_text(name)
            if text is not None:
                with open(os.path.join(target, name), 'w', encoding='utf-8') as out:
                    out.write(text)
        with open(os.path.join(target, 'top_level.txt'), 'w', encoding='utf-8') as out:
            out.write('\n'.join(present) + '\n')
    if _CONFIG['metadataDir'] not in sys.path:
        sys.path.insert(0, _CONFIG['metadataDir'])
        import importlib

        importlib.invalidate_caches()


# Before Nuitka reads --include-distribution-metadata (the plugin is loaded with the options).
_write_stand_ins()

_CODE_SUFFIXES = None
_VERSIONED_LIBRARY = re.compile(r'\.so(\.\d+)+$')


def _is_code(filename):
    global _CODE_SUFFIXES
    if _CODE_SUFFIXES is None:
        import importlib.machinery

        _CODE_SUFFIXES = tuple(importlib.machinery.all_suffixes()) + ('.pyo', '.dll', '.dylib', '.pyd')
    return filename.endswith(_CODE_SUFFIXES) or bool(_VERSIONED_LIBRARY.search(filename))


def _is_stub_of_code(folder, filename, files):
    # A .pyi beside the module it types is for type checkers, never read at run time (temporalio
    # ships 12 MB of them); a .pyi with no module beside it is data (mypy's typeshed).
    if not filename.endswith('.pyi'):
        return False
    stem = filename[:-4]
    return any(f != filename and f.split('.')[0] == stem and _is_code(f) for f in files) or (
        stem == '__init__' and os.path.isfile(os.path.join(folder, '__init__.py'))
    )


class PoetryBinaryActionProbe(NuitkaPluginBase):
    plugin_name = "poetry-binary-action-probe"
    plugin_desc = "Records imported modules at exit when POETRY_BINARY_ACTION_PROBE is set."

    def __init__(self):
        self._owners = None
        self._added = {}
        self._dists_done = set()
        self._records = {'written': 0, 'unread': 0}
        self._records_off = None

    def onBeforeCodeParsing(self):
        level = _CONFIG['compressionLevel']
        if level is not None:
            off = _pba_set_compression_level(level)
            if off:
                self.warning("poetry-binary-action: the onefile payload keeps Nuitka's own zstd level: %s" % off)
            else:
                self.info("poetry-binary-action: the onefile payload is compressed at zstd level %d" % level)
        slow = _pba_install_follow_patterns()
        if slow:
            self.info("poetry-binary-action: --include-module names are matched one by one: %s" % slow)
        slow = _pba_install_loader_names_cache()
        if slow:
            self.info("poetry-binary-action: the module loader table is built as Nuitka does: %s" % slow)
        if _CONFIG['importRecordsReport']:
            off = _pba_install_shared_parse()
            if off:
                self.info("poetry-binary-action: bytecode modules are parsed again to compile them: %s" % off)
            self._records_off = _pba_install_import_records(self._records)
            if self._records_off:
                self.info("poetry-binary-action: bytecode modules get no scanned import records: %s" % self._records_off)

    def onStandaloneDistributionFinished(self, dist_dir, standalone_binary=None):
        # Written once the module set and the data files are final.
        report = _CONFIG['packageData']['reportPath']
        if report:
            with open(report, 'w') as out:
                json.dump(self._added, out, indent=1, sort_keys=True)
        if _CONFIG['importRecordsReport']:
            with open(_CONFIG['importRecordsReport'], 'w') as out:
                json.dump(dict(self._records, off=self._records_off), out)

    @staticmethod
    def isAlwaysEnabled():
        return True

    def onGeneratedSourceCode(self, source_dir, onefile):
        static_dir = os.path.join(source_dir, 'static_src')
        if not onefile:
            for note in (_pba_edit_loader(static_dir), _pba_compile_runtime_first(source_dir)):
                if note:
                    (self.info if note[0] else self.warning)("poetry-binary-action: %s" % note[1])
            return
        path = os.path.join(static_dir, 'OnefileBootstrap.c')
        if not os.path.isfile(path):
            for edit_set in _PBA_BOOTSTRAP_EDITS:
                self.warning("poetry-binary-action: %s" % edit_set['notRecognised'])
            return
        with open(path, encoding='utf-8') as f:
            source = f.read()
        patched, notes = _pba_patch_bootstrap(source)
        if patched != source:
            _pba_write_unlinked(path, patched)
        for applied, line in notes:
            (self.info if applied else self.warning)("poetry-binary-action: %s" % line)

    def createPreModuleLoadCode(self, module):
        if module.isMainModule():
            return _PROBE, "poetry-binary-action validation probe"
        return None

    def createPostModuleLoadCode(self, module):
        entry = _POST_LOAD.get(module.getFullName().asString())
        if entry:
            return "BUILD_ID = %r\n%s" % (_BUILD_ID, entry[0]), entry[1]
        return None

    # -- nuitka-bytecode: auto ------------------------------------------------------------------
    def decideCompilation(self, module_name):
        if not _CONFIG['bytecodeAuto']:
            return None
        name = module_name.asString()
        top = name.split('.')[0]
        # Nuitka's own helper modules (pre/post-load code: as bytecode, Nuitka 4.3.3 stops with
        # "'UncompiledPythonModule' object has no attribute 'getCompilationMode'" in
        # _createTriggerLoadedModule; the parent of multiprocessing), the
        # project's own packages and those that gain from C stay compiled; the standard library is
        # left to Nuitka (it keeps most of it as bytecode, and compiles what its config changes).
        if name.endswith(('-preLoad', '-postLoad')) or top.startswith('__') or top in _CONFIG['own'] or top in _CONFIG['compiled']:
            return None
        if top in getattr(sys, 'stdlib_module_names', ()) or (top.startswith('_') and top[1:] in getattr(sys, 'stdlib_module_names', ())):
            return None
        if self._changesCode(name):
            return None
        if self._isProjectSource(name):
            return None
        return "bytecode"

    def _changesCode(self, name):
        """Anti-bloat's function and class replacements act on compiled code only."""
        try:
            for entry in _pba_package_config().get(name, section='anti-bloat') or ():
                if entry.get('change_function') or entry.get('change_class'):
                    return True
        except Exception:
            pass
        return False

    def _isProjectSource(self, name):
        # A module found outside every site-packages folder is the project's (e.g. a script's helpers).
        try:
            filename = self.locateModule(name)
        except Exception:
            return False
        if not filename:
            return False
        real = os.path.realpath(str(filename))
        return 'site-packages' not in real and 'dist-packages' not in real and not real.startswith(os.path.realpath(sys.base_prefix) + os.sep)

    # -- package data, metadata, source folders ---------------------------------------------------
    def _distributionOf(self, top):
        if self._owners is None:
            import importlib.metadata as md

            try:
                self._owners = md.packages_distributions()
            except Exception:
                self._owners = {}
        names = self._owners.get(top) or []
        return names[0] if names else None

    def _count(self, group, key, size, files=1):
        entry = self._added.setdefault(group, {'dataBytes': 0, 'dataFiles': 0, 'metadataBytes': 0})
        entry[key] = entry.get(key, 0) + size
        if key == 'dataBytes':
            entry['dataFiles'] += files
        elif key == 'buildInputsBytes':
            entry['buildInputsFiles'] = entry.get('buildInputsFiles', 0) + files

    def _leftOut(self, group, paths):
        # Compiler inputs are counted as left out, not added (see _pba_is_build_input); one
        # count for a whole build tree.
        self._count(group, 'buildInputsBytes', sum(os.path.getsize(p) for p in paths), len(paths))

    def considerDataFiles(self, module):
        name = module.getFullName().asString()
        top = name.split('.')[0]
        filename = module.getCompileTimeFilename()
        is_package = os.path.basename(filename) in ('__init__.py', '__init__.pyc')
        folder = os.path.dirname(filename)
        for source in _CONFIG['sources']:
            package, _, sub = source.partition('/')
            if package == name and os.path.isdir(os.path.join(folder, sub)):
                # Read as files (migrations, templates as code): the .py files too, as they are.
                yield self.makeIncludedDataDirectory(
                    source_path=os.path.join(folder, sub),
                    dest_path=os.path.join(*source.split('/')),
                    reason="folder of .py files the traced run read as files",
                    ignore_dirs=('__pycache__',),
                    ignore_suffixes=('.pyc', '.pyo'),
                    raw=True,
                )
        if module.isMainModule():
            for entry in self._lateMetadata():
                yield entry
        carry = _CONFIG['packageData']
        if not carry['all'] or module.isMainModule() or top.startswith('__'):
            return
        stdlib = getattr(sys, 'stdlib_module_names', ())
        if top in stdlib or (top.startswith('_') and top[1:] in stdlib):
            return
        real = os.path.realpath(filename)
        if 'site-packages' not in real and real.startswith(os.path.realpath(sys.base_prefix) + os.sep):
            return
        dist = self._distributionOf(top)
        skip = {_norm(s) for s in carry['skip']}
        if _norm(top) in skip or (dist and _norm(dist) in skip):
            return
        group = dist or top
        if dist and dist not in self._dists_done:
            self._dists_done.add(dist)
            self._metadata(dist)
        if not is_package:
            return
        for root, dirs, files in os.walk(folder):
            # Sub-packages bring their own files when the build carries them.
            dirs[:] = sorted(
                d for d in dirs
                if d != '__pycache__' and not os.path.isfile(os.path.join(root, d, '__init__.py'))
            )
            for d in [d for d in dirs if _pba_is_build_tree(os.path.join(root, d))]:
                dirs.remove(d)
                self._leftOut(group, [os.path.join(r, x) for r, _, xs in os.walk(os.path.join(root, d)) for x in xs])
            for f in sorted(files):
                if _is_code(f) or _is_stub_of_code(root, f, files):
                    continue
                src = os.path.join(root, f)
                if _pba_is_build_input(f):
                    self._leftOut(group, [src])
                    continue
                rel = os.path.relpath(src, folder)
                self._count(group, 'dataBytes', os.path.getsize(src))
                yield self.makeIncludedDataFile(
                    source_path=src,
                    dest_path=os.path.join(*name.split('.'), rel),
                    reason="package data of '%s' (input package-data)" % group,
                )

    def _lateMetadata(self):
        """
        Metadata asked for by copy-metadata or the trace. Nuitka binds metadata to a package in the
        build; for a distribution with none in it (read, never imported), its .dist-info files go
        into the build's root folder, which is sys.path, where importlib.metadata finds them.
        """
        from nuitka.code_generation.ConstantCodes import addDistributionMetadataValue
        from nuitka.ModuleRegistry import hasDoneModule
        from nuitka.utils.Distributions import getDistribution, getDistributionTopLevelPackageNames

        for name in _CONFIG['lateMetadata']:
            dist = getDistribution(name)
            if dist is None:
                continue
            if any(hasDoneModule(p) for p in getDistributionTopLevelPackageNames(dist) or ()):
                addDistributionMetadataValue(distribution_name=name, distribution=dist, reason="poetry-binary-action copy-metadata")
                continue
            folder = getattr(dist, '_path', None)
            if folder is None or not os.path.isdir(str(folder)):
                continue
            folder = str(folder)
            for f in sorted(os.listdir(folder)):
                # RECORD and direct_url.json name files and folders of this machine only.
                src = os.path.join(folder, f)
                if f in ('RECORD', 'direct_url.json', 'INSTALLER', 'REQUESTED') or not os.path.isfile(src):
                    continue
                yield self.makeIncludedDataFile(
                    source_path=src,
                    dest_path=os.path.join(os.path.basename(folder), f),
                    reason="metadata of '%s', none of whose packages is in the build (copy-metadata)" % name,
                )

    def _metadata(self, dist_name):
        """Binds the distribution's metadata to the build; Nuitka drops it if no package of it is in."""
        from nuitka.code_generation.ConstantCodes import addDistributionMetadataValue
        from nuitka.utils.Distributions import getDistribution

        dist = getDistribution(dist_name)
        if dist is None:
            return
        addDistributionMetadataValue(
            distribution_name=dist_name,
            distribution=dist,
            reason="poetry-binary-action package-data",
        )
        size = len((dist.read_text('METADATA') or '').encode()) + len((dist.read_text('entry_points.txt') or '').encode())
        self._count(dist_name, 'metadataBytes', size)

    # -- ctypes libraries -------------------------------------------------------------------------
    def getExtraDlls(self, module):
        if not module.isMainModule():
            return
        roots = sorted({os.path.realpath(p) for p in sys.path if p and 'site-packages' in p}, key=len, reverse=True)
        for library in _CONFIG['sharedLibraries']:
            if not os.path.isfile(library):
                continue
            dest = os.path.basename(library)
            for root in roots:
                if library.startswith(root + os.sep):
                    dest = os.path.relpath(library, root)
                    break
            yield self.makeDllEntryPoint(
                source_path=library,
                dest_path=dest,
                module_name=module.getFullName(),
                package_name=None,
                reason="loaded with ctypes by the traced run",
            )
`

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
