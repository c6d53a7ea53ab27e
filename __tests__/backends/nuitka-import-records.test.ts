/**
 * The import scan behind the Nuitka plugin's module-cache records (import-records.ts), run by real
 * Python on sources that exercise each rule.
 */
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from '@jest/globals'
import { IMPORT_RECORDS_PY } from '../../src/backends/nuitka/import-records.js'

/** (name, optional) pairs the scan finds in a module's source. */
function scan(
  source: string,
  module = 'pkg.mod',
  isPackage = false,
  skipped: string[] = []
): [string, boolean][] {
  const program = `import json, os, sys\n${IMPORT_RECORDS_PY}\nsrc = sys.stdin.read()\nprint(json.dumps([(n, o) for n, _, o in _pba_scan_imports(src, ${JSON.stringify(module)}, ${isPackage ? 'True' : 'False'}, ${JSON.stringify(skipped)})]))`
  const r = spawnSync('python3', ['-c', program], { input: source, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(r.stderr)
  return JSON.parse(r.stdout) as [string, boolean][]
}

describe('import scan for bytecode modules', () => {
  it('finds import statements, with a from-import name as an optional submodule', () => {
    expect(scan('import a.b as c\nfrom d import e, f\nfrom g import *\n')).toEqual([
      ['a.b', false],
      ['d', false],
      ['d.e', true],
      ['d.f', true],
      ['g', false]
    ])
  })

  it('resolves relative imports against the package, for a module and for a package', () => {
    expect(scan('from . import x\nfrom ..y import z\n', 'pkg.sub.mod')).toEqual([
      ['pkg.sub', false],
      ['pkg.sub.x', true],
      ['pkg.y', false],
      ['pkg.y.z', true]
    ])
    expect(scan('from .core import run\n', 'pkg', true)).toEqual([
      ['pkg.core', false],
      ['pkg.core.run', true]
    ])
    // Above the top package: nothing to record.
    expect(scan('from ... import q\n', 'pkg.mod')).toEqual([])
  })

  it('finds imports inside functions, classes and try blocks', () => {
    const source = [
      'def f():',
      '    import inner',
      'class C:',
      '    from klass import thing',
      'try:',
      '    import fast',
      'except ImportError:',
      '    import slow'
    ].join('\n')
    expect(scan(source).map(([n]) => n)).toEqual(['inner', 'klass', 'klass.thing', 'fast', 'slow'])
  })

  it('finds modules named by a constant string in import calls and resource calls', () => {
    const source = [
      'import importlib',
      'importlib.import_module("plugins.one")',
      '__import__("two")',
      'from importlib.resources import files',
      'files("data_pkg").joinpath("x.json")',
      'importlib.import_module(name)',
      'importlib.import_module(".rel", __package__)'
    ].join('\n')
    expect(scan(source)).toEqual([
      ['importlib', false],
      ['plugins.one', true],
      ['two', true],
      ['importlib.resources', false],
      ['importlib.resources.files', true],
      ['data_pkg', true]
    ])
  })

  it('skips what TYPE_CHECKING and platform or version tests rule out on this interpreter', () => {
    const source = [
      'from typing import TYPE_CHECKING',
      'import sys, os',
      'if TYPE_CHECKING:',
      '    import typing_only',
      'if sys.platform == "win32":',
      '    import winreg',
      'else:',
      '    import posix_side',
      'if sys.platform.startswith("linux") and os.name == "posix":',
      '    import linux_side',
      'if sys.version_info < (3, 8):',
      '    import importlib_metadata',
      'elif sys.version_info[0] >= 3:',
      '    import modern',
      'if not typing.TYPE_CHECKING:',
      '    import runtime_side',
      'if __name__ == "__main__":',
      '    import doctest',
      'if some_flag:',
      '    import flagged',
      'else:',
      '    import unflagged'
    ].join('\n')
    const names = scan(source).map(([n]) => n)
    const linux = process.platform === 'linux'
    expect(names).toEqual(
      expect.arrayContaining(['modern', 'runtime_side', 'flagged', 'unflagged'])
    )
    expect(names.includes('linux_side')).toBe(linux)
    expect(names.includes('posix_side')).toBe(process.platform !== 'win32')
    expect(names.includes('winreg')).toBe(process.platform === 'win32')
    for (const gone of ['typing_only', 'importlib_metadata', 'doctest'])
      expect(names).not.toContain(gone)
  })

  it("leaves out functions and classes whose code Nuitka's anti-bloat replaces", () => {
    const source = [
      'import kept',
      'def _test():',
      '    import doctest',
      'class Shell:',
      '    def help(self):',
      '        import pydoc',
      '    def run(self):',
      '        import runner'
    ].join('\n')
    expect(scan(source, 'pkg.mod', false, ['_test', 'Shell.help']).map(([n]) => n)).toEqual([
      'kept',
      'runner'
    ])
  })
})
