/**
 * Namespace packages (PEP 420 folders without `__init__.py`) among the modules to include: Nuitka's
 * `--include-module` stops on one ("failed to locate module 'tiktoken_ext'"), while PyInstaller
 * takes it. Their submodules are included by name anyway, and Nuitka then creates the package.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'

/** Where a name is looked up: the venv's site-packages and the project's own search folders. */
export function moduleRoots(venv: string, projectRoots: readonly string[]): string[] {
  const lib = path.join(venv, 'lib')
  const sitePackages = fs.existsSync(lib)
    ? fs
        .readdirSync(lib)
        .filter(d => d.startsWith('python'))
        .map(d => path.join(lib, d, 'site-packages'))
        .filter(d => fs.existsSync(d))
    : []
  return [...sitePackages, ...projectRoots]
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
