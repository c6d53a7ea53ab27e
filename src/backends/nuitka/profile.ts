/**
 * Where a Nuitka build's time went, read from its compilation report (`--report`): how many
 * modules were compiled to C and how many went in as bytecode, the seconds Nuitka spent
 * optimising and generating code, the CPU seconds of the C compile and the link, and the modules
 * that took longest to optimise. The log shows it after every build, so a slow build says why.
 */

export interface NuitkaProfile {
  compiled: number
  bytecode: number
  extensions: number
  /** Seconds in Nuitka's optimisation passes, all modules. */
  optimizationS: number
  codeGenerationS: number
  /** User + system CPU seconds of the C compile and of the link (null: not in the report). */
  cCompileCpuS: number | null
  linkCpuS: number | null
  /** The modules that took longest to optimise, slowest first. */
  slowest: { module: string; seconds: number }[]
}

const attr = (tag: string, name: string): string | undefined =>
  new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1]

const cpu = (tag: string | undefined): number | null => {
  if (!tag) return null
  const user = Number(attr(tag, 'user-cpu-time'))
  const system = Number(attr(tag, 'system-cpu-time'))
  return Number.isFinite(user) && Number.isFinite(system) ? user + system : null
}

/** Reads a Nuitka compilation report; null when it is not one. Pure. */
export function nuitkaProfile(xml: string, top = 5): NuitkaProfile | null {
  const modules = [...xml.matchAll(/<module\s[^>]*>/g)]
  if (modules.length === 0) return null
  let compiled = 0
  let bytecode = 0
  let extensions = 0
  const times: { module: string; seconds: number }[] = []
  modules.forEach((m, i) => {
    const kind = attr(m[0], 'kind') ?? ''
    if (kind === 'PythonExtensionModule') extensions++
    else if (kind.startsWith('Uncompiled')) bytecode++
    else compiled++
    const start = m.index + m[0].length
    const close = xml.indexOf('</module>', start)
    const next = i + 1 < modules.length ? modules[i + 1].index : xml.length
    const body = m[0].endsWith('/>') || close < 0 ? '' : xml.slice(start, Math.min(close, next))
    let seconds = 0
    for (const t of body.matchAll(/<optimization-time\s[^>]*>/g)) {
      const s = Number(attr(t[0], 'time'))
      if (Number.isFinite(s)) seconds += s
    }
    if (seconds > 0) times.push({ module: attr(m[0], 'name') ?? '?', seconds })
  })
  const totals = /<performance-totals>([\s\S]*?)<\/performance-totals>/.exec(xml)?.[1] ?? ''
  const allPasses = /<optimization-time\s[^>]*pass="all"[^>]*>/.exec(totals)?.[0]
  const codeGen = /<code-generation-time\s[^>]*>/.exec(totals)?.[0]
  const sum = times.reduce((n, t) => n + t.seconds, 0)
  return {
    compiled,
    bytecode,
    extensions,
    optimizationS: Number(allPasses ? attr(allPasses, 'time') : NaN) || sum,
    codeGenerationS: Number(codeGen ? attr(codeGen, 'time') : NaN) || 0,
    cCompileCpuS: cpu(/<c-compilation-time\s[^>]*>/.exec(totals)?.[0]),
    linkCpuS: cpu(/<c-linking-time\s[^>]*>/.exec(totals)?.[0]),
    slowest: times
      .sort((a, b) => b.seconds - a.seconds || a.module.localeCompare(b.module))
      .slice(0, top)
  }
}

/**
 * One log line from a profile. `fromCache`: how many bytecode modules came from Nuitka's module
 * cache; the report gives them the optimisation time recorded when the record was made, which
 * this build did not spend. Pure.
 */
export function describeProfile(p: NuitkaProfile, fromCache = 0): string {
  const s = (n: number): string => `${n < 10 ? n.toFixed(1) : Math.round(n)} s`
  const parts = [
    `${p.compiled} module(s) compiled to C, ${p.bytecode} as bytecode, ${p.extensions} extension module(s)`,
    `optimisation ${s(p.optimizationS)}${fromCache > 0 ? ` (including the recorded times of ${fromCache} module(s) from the module cache, not spent by this build)` : ''}`,
    `code generation ${s(p.codeGenerationS)}`,
    ...(p.cCompileCpuS !== null ? [`C compile ${s(p.cCompileCpuS)} CPU`] : []),
    ...(p.linkCpuS !== null ? [`link ${s(p.linkCpuS)} CPU`] : [])
  ]
  const slowest = p.slowest.length
    ? `; slowest to optimise: ${p.slowest.map(t => `${t.module} ${s(t.seconds)}`).join(', ')}`
    : ''
  return `Nuitka build profile: ${parts.join(', ')}${slowest}`
}

/** What the plugin's import scan did (import-records.ts): records written, modules it could not read, why it was off. */
export interface ScanCounts {
  written: number
  unread: number
  off: string | null
}

/**
 * What Nuitka's module cache saved: a bytecode module with no import record is optimised whole
 * (as if it were compiled to C) to find its imports, then demoted; with a record it goes in as
 * is. Pure.
 */
export function describeModuleCache(
  bytecode: number,
  written: number,
  scanned?: ScanCounts
): string {
  const fromScan = Math.min(written, scanned?.written ?? 0)
  const optimised = written - fromScan
  const reused = Math.max(0, bytecode - written)
  const parts = [
    fromScan > 0
      ? `${fromScan} of ${bytecode} bytecode module(s) got their import record from a scan of their source`
      : '',
    optimised > 0
      ? `${optimised} had no import record and were optimised to find their imports${scanned?.unread ? ` (${scanned.unread} the scan could not read)` : ''}`
      : '',
    `${reused} came from the cache`
  ].filter(Boolean)
  const off = scanned?.off ? ` Scanned records are off: ${scanned.off}.` : ''
  return written > 0
    ? `Nuitka module cache: ${parts.join('; ')}. The build cache keeps the records, so the next build of the same dependencies reuses them.${off}`
    : `Nuitka module cache: all ${bytecode} bytecode module(s) came from the cache (no module optimised only to find its imports).${off}`
}
