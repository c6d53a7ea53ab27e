/** Parser for PyInstaller's build/<name>/warn-<name>.txt. Pure. */

export interface MissingModule {
  name: string
  /** Importers with how they import it: top-level, delayed, conditional, optional. */
  importedBy: { module: string; kinds: string[] }[]
  /** Imported unconditionally at module level by at least one importer (the ones that break at run time). */
  topLevel: boolean
}

const LINE = /^missing module named (?:'([^']+)'|(\S+)) - imported by (.*)$/

/** Parses the warn file text into missing modules. */
export function parseWarnFile(text: string): MissingModule[] {
  const result: MissingModule[] = []
  for (const raw of text.split(/\r?\n/)) {
    const m = LINE.exec(raw.trim())
    if (!m) continue
    const importedBy = splitImporters(m[3])
    result.push({
      name: m[1] ?? m[2],
      importedBy,
      topLevel: importedBy.some(i => i.kinds.includes('top-level') && !i.kinds.includes('optional'))
    })
  }
  return result
}

/** Splits `a (top-level), b.c (delayed, conditional)` respecting the parentheses. */
function splitImporters(text: string): { module: string; kinds: string[] }[] {
  const out: { module: string; kinds: string[] }[] = []
  const re = /\s*([^,(]+?)\s*\(([^)]*)\)\s*(?:,|$)/g
  let m: RegExpExecArray | null
  while ((m = re.exec(text)) !== null) {
    out.push({
      module: m[1].trim(),
      kinds: m[2]
        .split(',')
        .map(k => k.trim())
        .filter(Boolean)
    })
  }
  return out
}

/**
 * Top-level missing modules that matter: importers inside the bundle and not PyInstaller's own
 * platform shims. Platform-only modules (winreg on Linux…) show up here too, so these are warnings.
 */
export function topLevelMissing(modules: MissingModule[]): MissingModule[] {
  return modules.filter(m => m.topLevel)
}
