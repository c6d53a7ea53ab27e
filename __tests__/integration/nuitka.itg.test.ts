/**
 * Builds examples/agent-runner with backend: nuitka through the real pipeline (real Poetry, Nuitka,
 * gcc, ccache when installed) and runs the same validation suite as PyInstaller's build: parity,
 * smoke with smoke-env, the service with SIGTERM and peak RSS, startup cold (empty extraction cache)
 * and warm.
 */
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { run, type PipelineResult } from '../../src/main.js'
import { Input } from '../../src/inputs.js'
import { schemaProblems, type Metrics } from '../../src/report/metrics.js'
import { recordingHost, type RecordingHost } from '../../__fixtures__/host.js'
import { REPO, reader, stageProject } from './support.js'
import { EXTRACTION_MARKER } from '../../src/backends/nuitka/bootstrap.js'

const TIMEOUT = 20 * 60_000
const SECRET = 'sk-ant-nuitka-1a2b3c4d5e'

describe('backend: nuitka on examples/agent-runner (real tools)', () => {
  let project: string
  let host: RecordingHost
  let result: PipelineResult | undefined
  let metrics: Metrics

  const saved = { nuitka: process.env.NUITKA_CACHE_DIR, ccache: process.env.CCACHE_DIR }
  afterAll(() => {
    const fresh = process.env.NUITKA_CACHE_DIR
    if (fresh && fresh !== saved.nuitka) fs.rmSync(fresh, { recursive: true, force: true })
    for (const [key, value] of [
      ['NUITKA_CACHE_DIR', saved.nuitka],
      ['CCACHE_DIR', saved.ccache]
    ] as const)
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
  })

  beforeAll(async () => {
    // ccache's objects outlive the run on this machine, as the Actions cache keeps them on a
    // runner (scripts/install-ccache.sh), so a rebuild of unchanged C files is a cache hit. The
    // module cache starts empty each run, so that every bytecode module's import record comes
    // from the plugin's scan of its source (checked below), never from an earlier build.
    const shared =
      process.env.NUITKA_CACHE_DIR ??
      path.join(os.homedir(), '.cache', 'poetry-binary-action', 'nuitka-cache')
    process.env.CCACHE_DIR ??= path.join(shared, 'ccache')
    process.env.NUITKA_CACHE_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-nuitka-cache-'))
    const ccache = process.env.PBA_CCACHE
    if (ccache && !(process.env.PATH ?? '').includes(path.dirname(ccache)))
      process.env.PATH = `${path.dirname(ccache)}${path.delimiter}${process.env.PATH ?? ''}`
    project = stageProject(path.join(REPO, 'examples', 'agent-runner'), 'agent-runner-nuitka')
    host = recordingHost()
    result = await run(
      host,
      reader({
        [Input.ProjectPath]: project,
        [Input.Backend]: 'nuitka',
        [Input.StartupRuns]: '5',
        [Input.ReadyPattern]: '^agent-runner ready$',
        [Input.SmokeEnv]: `ANTHROPIC_API_KEY=${SECRET}`,
        [Input.Smoke]: 'check-env ANTHROPIC_API_KEY => 0\ncheck-env SURELY_NOT_SET => 3'
      })
    )
    metrics = JSON.parse(
      fs.readFileSync(path.join(project, 'build', 'binary-action', 'metrics.json'), 'utf8')
    ) as Metrics
    const s = metrics.startup
    process.stdout.write(
      `agent-runner (nuitka): ${metrics.binary.sizeBytes} bytes, cold ${s.coldMs} ms, warm ${s.medianMs} ms vs poetry run ${s.poetryRunMedianMs} ms, peak RSS ${metrics.memory.peakRssBytes}, build ${metrics.timings.build} ms\n`
    )
  }, TIMEOUT)

  it('passes every check and says it was Nuitka', () => {
    expect(host.failures).toEqual([])
    expect(result?.metrics.verdict).toEqual({ passed: true, failures: [] })
    expect(metrics.backend).toBe('nuitka')
    expect(metrics.versions.nuitka).toBe('4.3.3')
    expect(metrics.versions.pyinstaller).toBeUndefined()
    expect(schemaProblems(metrics)).toEqual([])
    expect(metrics.binary.sizeBytes).toBeLessThan(100_000_000)
  })

  it('runs the same suite: parity, smoke with smoke-env, service, SIGTERM and peak RSS', () => {
    const names = metrics.smoke.map(s => s.name)
    expect(names).toEqual(expect.arrayContaining(['service ready', 'SIGTERM', 'service log']))
    expect(metrics.smoke.every(s => s.passed)).toBe(true)
    expect(metrics.parity?.map(p => [p.command, p.passed])).toEqual([
      ['--help', true],
      ['--version', true]
    ])
    expect(metrics.memory.peakRssBytes).toBeGreaterThan(1_000_000)
    expect(metrics.memory.poetryRunPeakRssBytes).toBeGreaterThan(1_000_000)
    expect(metrics.smoke.find(s => s.name === 'clean shutdown')?.passed).toBe(true)
  })

  it('reads the glibc floor from the files the onefile payload carries', () => {
    expect(metrics.glibcFloor?.version).toMatch(/^2\.\d+$/)
    expect(metrics.glibcFloor?.filesRead).toBeGreaterThan(10)
  })

  it('measures startup cold (empty extraction cache) and warm, and the binary reuses its extraction', () => {
    const e = metrics.startup.extraction
    expect(e?.kind).toBe('cached')
    expect(e?.dir && fs.existsSync(e.dir)).toBe(true)
    expect(e?.firstStartMs).toBeGreaterThanOrEqual(0)
    // The payload went in at the default nuitka-compression level, and the build said so.
    expect(e?.payloadLevel).toBe(9)
    expect(e?.payloadRatio).toBeGreaterThan(0.1)
    expect(e?.payloadRatio).toBeLessThan(0.6)
    expect(metrics.startup.runs).toBe(5)
    // The extraction is what the first start creates: remove it and one start brings it back.
    fs.rmSync(e!.dir!, { recursive: true, force: true })
    const binary = metrics.binary.path
    const env = { PATH: '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp' }
    expect(execFileSync(binary, ['--version'], { env, encoding: 'utf8' })).toContain(
      'agent-runner 0.1.0'
    )
    expect(fs.readdirSync(e!.dir!).length).toBeGreaterThan(5)
    // That complete extraction left the plugin's marker, so warm starts check sizes, not CRC32s;
    // a file cut short is still noticed by its size and written again.
    expect(fs.readFileSync(path.join(e!.dir!, EXTRACTION_MARKER), 'utf8')).toMatch(
      /^pba1 [0-9a-f]{16}\n$/
    )
    const victim = fs
      .readdirSync(e!.dir!)
      .map(f => path.join(e!.dir!, f))
      .find(f => f.includes('.so') && fs.statSync(f).isFile())!
    const size = fs.statSync(victim).size
    fs.truncateSync(victim, 100)
    expect(execFileSync(binary, ['--version'], { env, encoding: 'utf8' })).toContain(
      'agent-runner 0.1.0'
    )
    expect(fs.statSync(victim).size).toBe(size)
    expect(host.lines.map(l => l.message).join('\n')).toContain(
      'the onefile bootstrap reuses a complete extraction without reading it again'
    )
  })

  it("lists what it bundles from Nuitka's report, with distributions", () => {
    const dotenv = metrics.composition.find(c => c.package === 'dotenv')
    expect(dotenv?.distribution).toBe('python-dotenv')
    expect(dotenv?.bytes).toBeGreaterThan(0)
    expect(metrics.composition.map(c => c.package)).toEqual(
      expect.arrayContaining(['stdlib', 'nuitka-runtime'])
    )
  })

  it('uploads its command line as the build description, and keeps the secret out of it all', () => {
    const argsFile = path.join(project, 'build', 'binary-action', 'agent-runner.nuitka-args.txt')
    const args = fs.readFileSync(argsFile, 'utf8')
    expect(args).toContain('--mode=onefile')
    expect(args).toContain('--onefile-cache-mode=cached')
    const report = fs.readFileSync(
      path.join(project, 'build', 'binary-action', 'report.md'),
      'utf8'
    )
    expect(report).toContain('Backend: Nuitka 4.3.3')
    expect(report).toContain('empty extraction cache')
    for (const text of [
      args,
      report,
      JSON.stringify(metrics),
      host.lines.map(l => l.message).join('\n')
    ])
      expect(text).not.toContain(SECRET)
  })

  it('shows the C compile moving in the log', () => {
    const log = host.lines.map(l => l.message).join('\n')
    expect(log).toMatch(/Nuitka: [1-9]\d* of [1-9]\d* C files compiled, build took \d+ s/)
    // Where the time went, read from Nuitka's own compilation report.
    expect(log).toMatch(
      /Nuitka build profile: [1-9]\d* module\(s\) compiled to C, [1-9]\d* as bytecode, \d+ extension module\(s\), optimisation [\d.]+ s/
    )
    // Bytecode modules Nuitka had no import record for got one from the plugin's scan of their
    // source, not from Nuitka's optimisation, and every module could be read (none fell back).
    const cache = /Nuitka module cache: [^\n]*/.exec(log)?.[0] ?? ''
    expect(cache).not.toMatch(/could not read|Scanned records are off/)
    // The plugin's fixes for builds of many modules are in place (it says so when one is not).
    expect(log).not.toMatch(
      /matched one by one|loader table is built as Nuitka does|get no scanned import records|parsed again to compile them|keeps Nuitka's own zstd level|not recognised/
    )
    expect(log).toContain('Nuitka plugin: the onefile payload is compressed at zstd level 9')
    // The default C optimization level is Nuitka's own: no CFLAGS of the action's.
    expect(log).toContain("Nuitka: C compiled at Nuitka's own optimization level")
    // The plugin's edits of Nuitka's C source all applied (each says so in the build log).
    expect(log).toMatch(
      /Nuitka: [^\n]*the onefile bootstrap forwards SIGTERM as SIGTERM; [^\n]*reuses a complete extraction[^\n]*; the program gives back the pages of its bytecode[^\n]*; Nuitka's runtime is compiled first, beside the modules/
    )
    if (!/all \d+ bytecode module\(s\) came from the cache/.test(cache))
      expect(cache).toMatch(
        /[1-9]\d* of [1-9]\d* bytecode module\(s\) got their import record from a scan of their source/
      )
  })
})
