/** Finds modules a frozen program failed to import, from what it printed. Pure. */

// C code may import names no Python statement could (mypyc's `<hash>__mypyc` helpers start with a digit).
const NOT_FOUND = /ModuleNotFoundError: No module named '([A-Za-z0-9_][\w.]*)'/g

/** Module names from `ModuleNotFoundError: No module named 'x.y'` lines, in first-seen order. */
export function missingModulesFromOutput(text: string): string[] {
  const found: string[] = []
  for (const m of text.matchAll(NOT_FOUND)) if (!found.includes(m[1])) found.push(m[1])
  return found
}

/** How each missing name exists in the project environment. */
export interface MissingKinds {
  /** Plain modules: bundle them with hidden-imports. */
  modules: string[]
  /** Packages: their submodules are loaded by name too, so collect them all. */
  packages: string[]
  /** Not importable in the project environment either: a missing dependency, not a PyInstaller problem. */
  absent: string[]
}

/** Sorts names by what they are in the project environment. Pure. */
export function splitKinds(kinds: Record<string, string>): MissingKinds {
  const pick = (k: string): string[] => Object.keys(kinds).filter(n => kinds[n] === k)
  return { modules: pick('module'), packages: pick('package'), absent: pick('absent') }
}

/** Everything a failed binary run says is missing, by the input that fixes it. */
export interface Fixes {
  /** hidden-imports */
  modules: string[]
  /** collect-submodules */
  packages: string[]
  /** collect-data */
  data: string[]
  /** copy-metadata */
  metadata: string[]
}

/** A ready-to-paste YAML block with every fix, one input per kind. Pure. */
export function fixSuggestion(f: Fixes): string {
  const block = (key: string, names: string[]): string[] =>
    names.length ? [`${key}: |`, ...names.map(n => `  ${n}`)] : []
  return [
    ...block('hidden-imports', f.modules),
    ...block('collect-submodules', f.packages),
    ...block('collect-data', f.data),
    ...block('copy-metadata', f.metadata)
  ].join('\n')
}

/** The same block on one line, for log lines and failure messages. Pure. */
export function fixLine(f: Fixes): string {
  return fixSuggestion(f).replace(/\n\s*/g, ' ')
}

/** A finding with the output line that shows it. */
export interface Evidence {
  name: string
  line: string
}

function firstSeen(found: Evidence[], name: string, line: string): void {
  if (!found.some(f => f.name === name)) found.push({ name, line: line.trim().slice(0, 300) })
}

const PACKAGE_LOADER = [
  /could not find an? '[^']+' directory in the '([A-Za-z_][\w.]*)' package/,
  /The '([A-Za-z_][\w.]*)' package was not installed in a way that PackageLoader understands/
]
const MISSING_FILE = /(FileNotFoundError|NotADirectoryError|No such file or directory)/
const BUNDLE_PATH = /(?:_MEI[0-9A-Za-z]+|_internal)[\\/]([A-Za-z_]\w*)[\\/]/

/**
 * Packages whose data files the binary lacked: jinja2 PackageLoader's messages, or a missing file
 * or folder under the bundle root (`_MEI…` or onedir `_internal`). Top-level names. Pure.
 */
export function missingDataFromOutput(text: string): Evidence[] {
  const found: Evidence[] = []
  for (const line of text.split(/\r?\n/)) {
    for (const re of PACKAGE_LOADER) {
      const m = re.exec(line)
      if (m) firstSeen(found, m[1].split('.')[0], line)
    }
    if (MISSING_FILE.test(line)) {
      const m = BUNDLE_PATH.exec(line)
      if (m && !m[1].endsWith('_zip')) firstSeen(found, m[1], line)
    }
  }
  return found
}

const NO_METADATA = [
  /No package metadata was found for ['"]?([A-Za-z0-9][A-Za-z0-9._-]*)/,
  /The '([A-Za-z0-9][A-Za-z0-9._-]*)[^']*' distribution was not found/
]

/** Distributions whose metadata the binary lacked (importlib.metadata, pkg_resources). Pure. */
export function missingMetadataFromOutput(text: string): Evidence[] {
  const found: Evidence[] = []
  for (const line of text.split(/\r?\n/)) {
    for (const re of NO_METADATA) {
      const m = re.exec(line)
      if (m) firstSeen(found, m[1].replace(/[.]+$/, ''), line)
    }
  }
  return found
}

/** The line that shows a module missing, for the evidence column. Pure. */
export function missingModuleEvidence(text: string, name: string): string {
  const line = text.split(/\r?\n/).find(l => l.includes(`No module named '${name}'`))
  return (line ?? `No module named '${name}'`).trim().slice(0, 300)
}

/**
 * Modules `poetry run` found through PYTHONPATH that the binary's failing output names (an import
 * error, a loader's "could not load"), with the line that shows it. Pure.
 */
export function pythonpathEvidence(text: string, modules: readonly string[]): Evidence[] {
  const lines = text.split(/\r?\n/)
  return modules.flatMap(name => {
    const word = new RegExp(`(^|[^\\w.])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^\\w]|$)`)
    const line = lines.find(
      l =>
        word.test(l) &&
        /No module named|ModuleNotFoundError|ImportError|could not (load|import|find)|cannot (load|import)/i.test(
          l
        )
    )
    return line ? [{ name, line: line.trim().slice(0, 300) }] : []
  })
}

/**
 * Entry-point groups the binary found empty but `poetry run` did not: their distributions need
 * copy-metadata. Pure.
 */
export function emptyEntryPointGroups(
  poetry: Record<string, string[]>,
  binary: Record<string, number>
): Evidence[] {
  const found: Evidence[] = []
  for (const [group, dists] of Object.entries(poetry)) {
    if (dists.length === 0 || !(group in binary) || binary[group] > 0) continue
    for (const d of dists)
      firstSeen(
        found,
        d,
        `entry-point group "${group}" is empty in the binary, ${dists.length} under poetry run`
      )
  }
  return found
}

/** Python that reports, for names given as JSON in argv, whether each is a module, a package or absent. */
export const CLASSIFY_SCRIPT = `
import importlib.util, json, sys
sys.path[:0] = json.loads(sys.argv[1])
out = {}
for name in json.loads(sys.argv[2]):
    try:
        spec = importlib.util.find_spec(name)
    except Exception:
        spec = None
    out[name] = 'absent' if spec is None else ('package' if spec.submodule_search_locations else 'module')
print(json.dumps(out))
`
