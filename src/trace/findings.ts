/** Turns tracer records into what the build must add (pure). */

/** What the tracer wrote for one process (see tracer.ts). */
export interface TraceRecord {
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
  error?: string
}

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
  /** Union of the modules every traced run loaded (for dead weight and coverage). */
  importedModules: string[]
  /** Entry-point groups with the distributions that answered under poetry run. */
  entryPointGroups: Record<string, string[]>
  /** The commands whose runs were traced. */
  commands: string[]
}

/** What the user already asked for; the trace does not add these again. */
export interface AlreadyBundled {
  hiddenImports: readonly string[]
  collectSubmodules: readonly string[]
  collectData: readonly string[]
  copyMetadata: readonly string[]
  excludes: readonly string[]
}

/** Modules that exist only because of how `poetry run` starts Python, never in a frozen program. */
const ENVIRONMENT_ONLY =
  /^(__main__|_virtualenv|_distutils_hack|sitecustomize|usercustomize|__editable__.*|_pba_.*)$/

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
  const metadata = new Collector(normalizeDistribution)
  const imported = new Set<string>()
  const groups: Record<string, string[]> = {}
  const haveMetadata = new Set(already.copyMetadata.map(normalizeDistribution))
  const excluded = (m: string): boolean => covered(m, already.excludes)

  for (const { command, record } of runs) {
    for (const [name, origin] of Object.entries(record.modules ?? {})) {
      if (origin !== 'gone' && !ENVIRONMENT_ONLY.test(name.split('.')[0])) imported.add(name)
    }
    for (const name of record.dynamic ?? []) {
      const origin = record.modules?.[name]
      // Failed imports (optional dependencies) and built-ins need nothing bundled.
      if (origin !== 'file' && origin !== 'namespace') continue
      if (ENVIRONMENT_ONLY.test(name.split('.')[0]) || excluded(name)) continue
      if (covered(name, already.collectSubmodules) || already.hiddenImports.includes(name)) continue
      hidden.add(name, command, `importlib.import_module("${name}")`)
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
  return {
    hiddenImports: hidden.list(),
    collectData: data.list(),
    copyMetadata: metadata.list(),
    importedModules: [...imported].sort(),
    entryPointGroups: groups,
    commands: [...new Set(runs.map(r => r.command))]
  }
}

/** One line per kind for the log and the summary, e.g. `collect-data: mypkg (by "render x")`. Pure. */
export function describeAdditions(
  f: Pick<TraceFindings, 'hiddenImports' | 'collectData' | 'copyMetadata'>
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
    ...line('hidden-imports', f.hiddenImports),
    ...line('collect-data', f.collectData),
    ...line('copy-metadata', f.copyMetadata)
  ]
}
