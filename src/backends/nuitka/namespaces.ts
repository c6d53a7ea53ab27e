/**
 * Namespace packages (PEP 420 folders without `__init__.py`) among the modules to include: Nuitka's
 * `--include-module` stops on one ("failed to locate module 'tiktoken_ext'"), while PyInstaller
 * takes it. Their submodules are included by name anyway, and Nuitka then creates the package.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { venvSitePackages } from '../../tools/project-env.js'

/**
 * Where a name is looked up: the venv's site-packages, the project's own search folders, and the
 * base interpreter's standard library (from the venv's pyvenv.cfg).
 */
export function moduleRoots(venv: string, projectRoots: readonly string[]): string[] {
  const sitePackages = venvSitePackages(venv)
  const stdlib: string[] = []
  try {
    const cfg = fs.readFileSync(path.join(venv, 'pyvenv.cfg'), 'utf8')
    // virtualenv writes base-prefix; python -m venv only home (the interpreter's bin folder).
    const home = /^home\s*=\s*(.+)$/m.exec(cfg)?.[1]?.trim()
    const base =
      /^base-prefix\s*=\s*(.+)$/m.exec(cfg)?.[1]?.trim() ?? (home ? path.dirname(home) : undefined)
    const version = /^(?:python-)?version(?:_info)?\s*=\s*(\d+\.\d+)/m.exec(cfg)?.[1]
    if (base && version) {
      const lib = path.join(base, 'lib', `python${version}`)
      stdlib.push(lib, path.join(lib, 'lib-dynload'))
    }
  } catch {
    // No pyvenv.cfg: only the venv's and the project's folders are searched.
  }
  return [...sitePackages, ...projectRoots, ...stdlib.filter(d => fs.existsSync(d))]
}

/**
 * True when the top-level name exists in some root (package, module, extension). A known-library
 * rule can name a module of a distribution the lock has but the synced main group does not
 * install; Nuitka stops on it ("failed to locate module"), PyInstaller only warns.
 */
export function moduleExists(name: string, roots: readonly string[]): boolean {
  const top = name.split('.')[0]
  return roots.some(root => {
    let entries: string[]
    try {
      entries = fs.readdirSync(root)
    } catch {
      return false
    }
    return entries.some(
      e =>
        e === top ||
        e === `${top}.py` ||
        e === `${top}.pyc` ||
        (e.startsWith(`${top}.`) && /\.(so|pyd)$/.test(e))
    )
  })
}

/** True when the name is a folder without `__init__` in some root and a regular module in none. */
export function isNamespacePackage(name: string, roots: readonly string[]): boolean {
  const rel = name.split('.')
  let folder = false
  for (const root of roots) {
    const dir = path.join(root, ...rel)
    const parent = path.dirname(dir)
    const base = rel[rel.length - 1]
    let entries: string[] = []
    try {
      entries = fs.readdirSync(parent)
    } catch {
      continue
    }
    const isModuleFile = entries.some(
      e => e === `${base}.py` || (e.startsWith(`${base}.`) && /\.(so|pyd|pyc)$/.test(e))
    )
    if (isModuleFile) return false
    if (entries.includes(base) && fs.statSync(dir).isDirectory()) {
      const inside = fs.readdirSync(dir)
      if (inside.some(e => /^__init__\.(py|pyc|so|pyd)$/.test(e) || /^__init__\..*\.so$/.test(e)))
        return false
      folder = true
    }
  }
  return folder
}
