/** Parser for PyInstaller's build/<name>/warn-<name>.txt. Pure. */
import type { MissingModule } from '../types.js'

export type { MissingModule }

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

/** Modules that only exist on other platforms or inside the frozen importer; never worth a warning. */
const PLATFORM_ONLY = new Set([
  '_frozen_importlib',
  '_frozen_importlib_external',
  '_winapi',
  '_winreg',
  'winreg',
  'msvcrt',
  'nt',
  '_overlapped',
  '_wmi',
  'winsound',
  '_msi',
  '_scproxy',
  'posix',
  'pwd',
  'grp',
  'termios',
  'fcntl',
  'resource',
  'vms_lib',
  'java',
  'org',
  'org.python'
])

/**
 * Top-level missing modules that matter. Leaves out other platforms' modules, and `pkg.name`
 * entries that only `pkg` imports (`from multiprocessing import get_context` names an attribute,
 * which PyInstaller lists as a missing submodule).
 */
export function topLevelMissing(modules: MissingModule[]): MissingModule[] {
  return modules.filter(m => {
    if (!m.topLevel || PLATFORM_ONLY.has(m.name)) return false
    const parent = m.name.includes('.') ? m.name.slice(0, m.name.lastIndexOf('.')) : undefined
    const attributeOnly =
      parent !== undefined &&
      m.importedBy.every(i => i.module === parent || i.module.startsWith(`${parent}.`))
    return !attributeOnly
  })
}
