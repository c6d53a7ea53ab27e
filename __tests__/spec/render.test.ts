import { describe, expect, it } from '@jest/globals'
import {
  DEFAULT_EXCLUDES,
  renderLauncher,
  renderSpec,
  type SpecOptions
} from '../../src/spec/render.js'
import { python } from './python.js'

/** Parses a spec with Python's ast and returns the literal arguments of its PyInstaller calls. */
const INSPECT = `
import ast, json, sys
src = json.load(sys.stdin)
tree = ast.parse(src)
calls = {}
assigns = {}
for node in ast.walk(tree):
    if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
        try:
            assigns[node.targets[0].id] = ast.literal_eval(node.value)
        except Exception:
            pass
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ('Analysis', 'EXE', 'COLLECT', 'PYZ'):
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
for_loops = [ast.literal_eval(n.iter) for n in ast.walk(tree) if isinstance(n, ast.For)]
names = sorted({n.id for n in ast.walk(tree) if isinstance(n, ast.Name)})
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
  runtimeHooks: []
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
    expect(r.for).toEqual([['langchain_core'], base.collectData, base.copyMetadata])
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
      '_distribution',
      '_p',
      '_package',
      'a',
      'collect_data_files',
      'collect_submodules',
      'copy_metadata',
      'datas',
      'exe',
      'hiddenimports',
      'pathex',
      'pyz',
      'sys'
    ])
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
  it('imports the entry module by a literal name', () => {
    const text = renderLauncher('agent_runner.cli', 'main')
    expect(text).toContain("importlib.import_module('agent_runner.cli'), 'main'")
    expect(text).toContain('multiprocessing.freeze_support()')
    expect(
      python<boolean>('import ast, json, sys; ast.parse(json.load(sys.stdin)); print("true")', text)
    ).toBe(true)
  })
})
