/** Root causes of a failed build: what is missing, as the inputs that fix it (pure). */
import { fixLine, type Fixes } from './diagnose.js'
import type { Validation } from './index.js'

/** What the failed binary runs say is missing, as the inputs that fix it (absent modules excluded). */
export function fixesOf(v: Validation): Fixes {
  return {
    modules: v.diagnosis.modules,
    packages: v.diagnosis.packages,
    data: v.diagnosis.data.map(e => e.name),
    metadata: v.diagnosis.metadata.map(e => e.name)
  }
}

/** How many fixes in all. */
export function countFixes(f: Fixes): number {
  return f.modules.length + f.packages.length + f.data.length + f.metadata.length
}

/** Both sets of fixes, each name once. */
export function mergeFixes(a: Fixes, b: Fixes): Fixes {
  const u = (x: string[], y: string[]): string[] => [...new Set([...x, ...y])]
  return {
    modules: u(a.modules, b.modules),
    packages: u(a.packages, b.packages),
    data: u(a.data, b.data),
    metadata: u(a.metadata, b.metadata)
  }
}

/** One failure line per diagnosed root cause, with the paste-ready fix; these lead the verdict. */
export function rootCauses(v: Validation): string[] {
  const d = v.diagnosis
  const causes: string[] = []
  const fixes = fixesOf(v)
  if (countFixes(fixes) > 0) {
    const what = [
      ...(d.modules.length + d.packages.length
        ? [`could not import ${[...d.modules, ...d.packages].join(', ')}`]
        : []),
      ...(d.data.length ? [`lacks the data files of ${d.data.map(e => e.name).join(', ')}`] : []),
      ...(d.metadata.length
        ? [`lacks the metadata of ${d.metadata.map(e => e.name).join(', ')}`]
        : [])
    ]
    const evidence =
      d.data[0]?.line ?? d.metadata[0]?.line ?? Object.values(d.moduleEvidence)[0] ?? ''
    causes.push(
      `The binary ${what.join(' and ')}. Add to the step: ${fixLine(fixes)}${evidence ? ` (evidence: ${evidence})` : ''}`
    )
  }
  if (d.pythonpath.length)
    causes.push(
      `Under poetry run, ${d.pythonpath.map(e => e.name).join(', ')} came from PYTHONPATH, which the binary ignores. Set honor-pythonpath: true to load modules from PYTHONPATH at run time (whoever sets PYTHONPATH can then run code in the binary), or bundle them with hidden-imports (evidence: ${d.pythonpath[0].line})`
    )
  if (d.absent.length)
    causes.push(
      `${d.absent.join(', ')} cannot be imported under poetry run either: add the dependency to pyproject.toml`
    )
  return causes
}
