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

describe("one parse of a bytecode module's source, shared with the scan and the compile", () => {
  // Stand-ins for the three Nuitka 4.3 modules involved, shaped as they are: Building imports
  // parseSourceCodeToAst from TreeHelpers, BytecodeDemotion imports compileSourceToBytecode from
  // Bytecodes, which calls ast.parse itself. Each parse is counted.
  const stub = [
    'import ast, marshal, os, sys, types',
    'PARSES = []',
    'real_parse = ast.parse',
    'def counted(*a, **k):',
    '    PARSES.append(1)',
    '    return real_parse(*a, **k)',
    'def mod(name, **attrs):',
    '    m = types.ModuleType(name); m.__dict__.update(attrs); sys.modules[name] = m; return m',
    "nuitka = mod('nuitka')",
    "Bytecodes = mod('nuitka.Bytecodes', ast=ast)",
    'exec("def compileSourceToBytecode(source_code, filename):\\n    tree = ast.parse(source_code, filename)\\n    return compile(tree, filename=filename, mode=\'exec\', dont_inherit=True, optimize=0)\\n", vars(Bytecodes))',
    "mod('nuitka.optimizations'); BytecodeDemotion = mod('nuitka.optimizations.BytecodeDemotion', compileSourceToBytecode=Bytecodes.compileSourceToBytecode)",
    "mod('nuitka.tree'); Building = mod('nuitka.tree.Building', parseSourceCodeToAst=lambda source_code, module_name, filename, line_offset: ast.parse(source_code, filename))",
    'ast.parse = counted'
  ].join('\n')

  function run(body: string): unknown {
    const program = `import json\n${stub}\n${IMPORT_RECORDS_PY}\n${body}`
    const r = spawnSync('python3', ['-c', program], { encoding: 'utf8' })
    if (r.status !== 0) throw new Error(r.stderr)
    return JSON.parse(r.stdout)
  }

  it('compiles a module that goes in as bytecode from the tree Nuitka parsed, to the same code', () => {
    expect(
      run(
        [
          'assert _pba_install_shared_parse() is None',
          'source = \'import os\\n\\ndef f(x):\\n    """doc"""\\n    return [os.sep, x]\\n\'',
          "tree = Building.parseSourceCodeToAst(source_code=source, module_name='pkg.m', filename='m.py', line_offset=0)",
          // the record check: the scan reads Nuitka's tree, then hands it to the compile
          "got = _pba_take_parsed('pkg.m', source)",
          "names = [n for n, _, _ in _pba_scan_imports(source, 'pkg.m', False, (), got)]",
          '_pba_hand_to_compile(source, got)',
          "code = BytecodeDemotion.compileSourceToBytecode(source, 'pkg/m.py')",
          // Equal code objects (marshal's bytes may differ in reference flags only, by refcounts).
          "same = code == compile(source, 'pkg/m.py', 'exec', dont_inherit=True) and code.co_consts[2] == compile(source, 'pkg/m.py', 'exec', dont_inherit=True).co_consts[2]",
          'print(json.dumps([got is tree, names, same, len(PARSES), Bytecodes.ast is ast]))'
        ].join('\n')
      )
    ).toEqual([true, ['os'], true, 1, true])
  })

  it('never reuses a tree for another module, or one compiled to C (which Nuitka changes)', () => {
    expect(
      run(
        [
          'assert _pba_install_shared_parse() is None',
          "a = 'x = 1\\n'",
          "b = 'y = 2\\n'",
          "tree = Building.parseSourceCodeToAst(source_code=a, module_name='a', filename='a.py', line_offset=0)",
          // Another module's record check gets nothing, and uses up nothing of a's.
          "other = _pba_take_parsed('b', b)",
          // a goes to C: its tree is changed and never handed on; a later compile parses afresh.
          'tree.body[0].value.value = 99',
          "code = BytecodeDemotion.compileSourceToBytecode(a, 'a.py')",
          'ns = {}; exec(code, ns)',
          'print(json.dumps([other is None, ns["x"], len(PARSES)]))'
        ].join('\n')
      )
    ).toEqual([true, 1, 2])
  })

  it('parses afresh a source whose functions Nuitka renames in the tree (nuitka_ignore)', () => {
    expect(
      run(
        [
          'assert _pba_install_shared_parse() is None',
          "source = 'class C:\\n    @nuitka_ignore\\n    def __f(self):\\n        pass\\n'",
          "tree = Building.parseSourceCodeToAst(source_code=source, module_name='m', filename='m.py', line_offset=0)",
          // What Nuitka's buildFunctionNode does to such a function: node.name = mangleName(...)
          "tree.body[0].body[0].name = '_C__f'",
          "_pba_hand_to_compile(source, _pba_take_parsed('m', source))",
          "code = BytecodeDemotion.compileSourceToBytecode(source, 'm.py')",
          'print(json.dumps([code == compile(source, "m.py", "exec", dont_inherit=True), len(PARSES)]))'
        ].join('\n')
      )
    ).toEqual([true, 2])
  })

  it('says why when Nuitka is not shaped as expected', () => {
    expect(
      run(
        [
          "del sys.modules['nuitka.optimizations.BytecodeDemotion'].compileSourceToBytecode",
          'print(json.dumps(_pba_install_shared_parse()))'
        ].join('\n')
      )
    ).toBe('this Nuitka parses and compiles modules elsewhere')
  })
})
