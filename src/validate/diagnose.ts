/** Finds modules a frozen program failed to import, from what it printed. Pure. */

const NOT_FOUND = /ModuleNotFoundError: No module named '([A-Za-z_][\w.]*)'/g

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

/** A ready-to-paste block for the workflow file. Pure. */
export function hiddenImportsSuggestion(kinds: MissingKinds): string {
  const block = (key: string, names: string[]): string[] =>
    names.length ? [`${key}: |`, ...names.map(n => `  ${n}`)] : []
  return [
    ...block('hidden-imports', kinds.modules),
    ...block('collect-submodules', kinds.packages)
  ].join('\n')
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
