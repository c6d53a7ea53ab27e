import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import {
  DEFAULT_EXCLUDES,
  renderSpec,
  type SpecOptions
} from '../../../src/backends/pyinstaller/render.js'
import { renderLauncher } from '../../../src/backends/common.js'
import { python } from '../../support/python.js'

/**
 * Parses a spec with Python's ast and returns the literal arguments of its PyInstaller calls, the
 * top-level for loops over literals, and the names the module level uses (function bodies have
 * their own scope).
 */
const INSPECT = `
import ast, json, sys
src = json.load(sys.stdin)
tree = ast.parse(src)
calls = {}
assigns = {}
functions = [n.name for n in tree.body if isinstance(n, ast.FunctionDef)]
def module_level(t):
    for node in ast.iter_child_nodes(t):
        if isinstance(node, ast.FunctionDef):
            continue
        yield node
        yield from module_level(node)
for node in module_level(tree):
    if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
        try:
            assigns[node.targets[0].id] = ast.literal_eval(node.value)
        except Exception:
            pass
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ('Analysis', 'EXE', 'COLLECT', 'PYZ', '_pba_carry'):
        kw = {}
        for k in node.keywords:
            try:
                kw[k.arg] = ast.literal_eval(k.value)
            except Exception:
                kw[k.arg] = '<expr>'
        args = []
        for a in node.args:
            try:
                args.append(ast.literal_eval(a))
            except Exception:
                args.append('<expr>')
        calls[node.func.id] = {'args': args, 'kw': kw}
def literal(n):
    try:
        return ast.literal_eval(n)
    except Exception:
        return None
for_loops = [literal(n.iter) for n in tree.body if isinstance(n, ast.For) and literal(n.iter) is not None]
names = sorted({n.id for n in module_level(tree) if isinstance(n, ast.Name)} | set(functions))
print(json.dumps({'calls': calls, 'assigns': assigns, 'for': for_loops, 'names': names}))
`

interface Inspected {
  calls: Record<string, { args: unknown[]; kw: Record<string, unknown> }>
  assigns: Record<string, unknown>
  for: string[][]
  names: string[]
}

const base: SpecOptions = {
  name: 'agent-runner',
  script: "/work/it's here/src/main.py",
  pathex: ['/work/proj', '/work/proj/src'],
  mode: 'onefile',
  hiddenImports: ['temporalio.worker', "evil'); import os; os.system('id'); ('"],
  collectSubmodules: ['langchain_core'],
  collectData: ['jinja_pkg', "x'); import os; ('"],
  copyMetadata: ['my-plugin', 'temporalio'],
  excludes: ['pandas'],
  datas: [{ source: '/work/proj/config/*.yaml', dest: 'config' }],
  optimize: 1,
  upx: true,
  upxExclude: ['libpython3.11.so.1.0'],
  strip: true,
  runtimeHooks: [],
  sources: ['alembic_pkg/migrations', "y'); import os; ('"],
  sharedLibraries: ['/work/proj/.venv/lib/python3.11/site-packages/pkg/libfoo.so'],
  packageData: {
    all: true,
    skip: ['botocore', "z'); import os; ('"],
    distributions: ['agent-runner'],
    reportPath: '/work/proj/build/agent-runner.package-data.json'
  }
}

describe('renderSpec', () => {
  it('parses with ast and carries exactly the given values (onefile)', () => {
    const r = python<Inspected>(INSPECT, renderSpec(base))
    const analysis = r.calls.Analysis
    expect(analysis.args).toEqual([[base.script]])
    expect(analysis.kw.pathex).toBe('<expr>')
    expect(r.assigns.pathex).toEqual(base.pathex)
    expect(analysis.kw.datas).toBe('<expr>')
    expect(r.assigns.datas).toEqual([['/work/proj/config/*.yaml', 'config']])
    expect(analysis.kw.hiddenimports).toBe('<expr>')
    expect(r.assigns.hiddenimports).toEqual(base.hiddenImports)
    expect(r.for).toEqual([
      ['langchain_core'],
      base.collectData,
      base.copyMetadata,
      base.sources,
      base.sharedLibraries
    ])
    expect(analysis.kw.binaries).toBe('<expr>')
    expect(r.assigns.binaries).toEqual([])
    expect(analysis.kw.excludes).toEqual([...DEFAULT_EXCLUDES, 'pandas'])
    expect(analysis.kw.optimize).toBe(1)
    expect(analysis.kw.noarchive).toBe(false)
    const exe = r.calls.EXE
    expect(exe.kw.name).toBe('agent-runner')
    expect(exe.kw.upx).toBe(true)
    expect(exe.kw.strip).toBe(true)
    expect(exe.kw.console).toBe(true)
    expect(exe.kw.upx_exclude).toEqual(['libpython3.11.so.1.0'])
    expect(r.calls.COLLECT).toBeUndefined()
  })

  it('uses no argument removed in PyInstaller 6 and no name beyond the spec globals', () => {
    const text = renderSpec(base)
    for (const gone of [
      'cipher',
      'block_cipher',
      'win_no_prefer_redirects',
      'win_private_assemblies',
      'a.zipfiles',
      'a.zipped_data'
    ]) {
      expect(text).not.toContain(gone)
    }
    const r = python<Inspected>(INSPECT, text)
    expect(r.names).toEqual([
      'Analysis',
      'EXE',
      'PYZ',
      '_',
      '_PBA_BUILD_INPUTS',
      '_PBA_BUILD_MANIFESTS',
      '_dest',
      '_distribution',
      '_folder',
      '_library',
      '_p',
      '_package',
      '_pba_carry',
      '_pba_is_build_input',
      '_pba_is_build_tree',
      '_pba_packages_distributions',
      '_root',
      '_sub',
      'a',
      'binaries',
      'collect_data_files',
      'collect_submodules',
      'copy_metadata',
      'datas',
      'exe',
      'hiddenimports',
      'len',
      'os',
      'p',
      'pathex',
      'pyz',
      'sorted',
      'sys'
    ])
  })

  it('carries the data and metadata of what the analysis carries unless package-data is none', () => {
    const r = python<Inspected>(INSPECT, renderSpec(base))
    expect(r.calls._pba_carry.args).toEqual([
      '<expr>',
      base.packageData.skip,
      ['agent-runner'],
      '/work/proj/build/agent-runner.package-data.json'
    ])
    const off = renderSpec({ ...base, packageData: { ...base.packageData, all: false } })
    expect(off).not.toContain('_pba_carry')
    expect(python<Inspected>(INSPECT, off).names).not.toContain('_pba_carry')
  })

  it('carries package files but leaves out compiler inputs and build trees (real Python)', () => {
    // A package laid out like temporalio's wheel: data beside the code, a Rust crate inside it.
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-carry-'))
    const pkg = path.join(root, 'fakepkg')
    const write = (rel: string, text: string): void => {
      fs.mkdirSync(path.dirname(path.join(pkg, rel)), { recursive: true })
      fs.writeFileSync(path.join(pkg, rel), text)
    }
    write('__init__.py', '')
    write('schema.json', '{}')
    write('templates/page.html', '<p>')
    write('api.proto', 'syntax = "proto3";')
    write('_native.c', 'int x;')
    write('_native.pyx', 'cdef int x')
    write('bridge/Cargo.toml', '[package]')
    write('bridge/src/lib.rs', 'fn main() {}')
    write('bridge/README.md', 'docs of the crate')
    const report = path.join(root, 'report.json')
    const spec = renderSpec({
      ...base,
      packageData: { all: true, skip: [], distributions: [], reportPath: report }
    })
    // The spec's own package-data definitions, run on a stand-in for the Analysis object.
    const defs = spec.slice(
      spec.indexOf('def _pba_packages_distributions'),
      spec.indexOf('\n_pba_carry(')
    )
    const run = `
import json, sys, types
data = json.load(sys.stdin)
exec(data['defs'])
a = types.SimpleNamespace(pure=[('fakepkg', data['init'], 'PYMODULE')], datas=[], binaries=[])
_pba_carry(a, [], [], data['report'])
print(json.dumps({'datas': sorted(d for d, _, _ in a.datas), 'report': json.load(open(data['report']))}))
`
    try {
      const r = python<{ datas: string[]; report: Record<string, Record<string, number>> }>(run, {
        defs,
        init: path.join(pkg, '__init__.py'),
        report
      })
      expect(r.datas).toEqual([
        'fakepkg/api.proto',
        'fakepkg/schema.json',
        'fakepkg/templates/page.html'
      ])
      expect(r.report.fakepkg).toMatchObject({
        dataFiles: 3,
        buildInputsFiles: 5,
        buildInputsBytes: 'int x;cdef int x[package]fn main() {}docs of the crate'.length
      })
    } finally {
      fs.rmSync(root, { recursive: true, force: true })
    }
  })

  it('renders onedir with COLLECT and exclude_binaries', () => {
    const r = python<Inspected>(
      INSPECT,
      renderSpec({ ...base, mode: 'onedir', upx: false, strip: false })
    )
    expect(r.calls.EXE.kw.exclude_binaries).toBe(true)
    expect(r.calls.COLLECT.kw.name).toBe('agent-runner')
    expect(r.calls.COLLECT.kw.upx).toBe(false)
    expect(r.calls.COLLECT.kw.strip).toBe(false)
  })

  it('drops a default exclude the user asked to import', () => {
    const r = python<Inspected>(
      INSPECT,
      renderSpec({ ...base, hiddenImports: ['tkinter'], excludes: [] })
    )
    expect(r.calls.Analysis.kw.excludes).toEqual(DEFAULT_EXCLUDES.filter(m => m !== 'tkinter'))
  })
})

describe('renderLauncher', () => {
  it('imports the entry module by a literal name and follows an attribute path', () => {
    const text = renderLauncher('agent_runner.cli', 'app.main')
    expect(text).toContain("importlib.import_module('agent_runner.cli')")
    expect(text).toContain("for _part in 'app.main'.split('.'):")
    expect(text).toContain('multiprocessing.freeze_support()')
    expect(
      python<boolean>('import ast, json, sys; ast.parse(json.load(sys.stdin)); print("true")', text)
    ).toBe(true)
  })

  it('runs a bare module entry as python -m does', () => {
    const text = renderLauncher('pkg.__main__', '')
    expect(text).toContain("runpy.run_module('pkg.__main__', run_name='__main__', alter_sys=True)")
  })
})
