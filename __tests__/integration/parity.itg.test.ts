/**
 * Behavioural parity and trace-driven bundling on real builds of one fixture per failure class
 * (__tests__/projects): package templates, entry-point plugins, an import by computed name reached
 * by one subcommand only, and a service whose job path imports such a module. With the defaults
 * each passes because the trace added the right item; with `trace: false` each fails, and the
 * first error line is the paste-ready fix.
 */
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { run } from '../../src/main.js'
import { Input } from '../../src/inputs.js'
import { recordingHost, type RecordingHost } from '../../__fixtures__/host.js'
import type { Metrics } from '../../src/report/metrics.js'
import { REPO, freePort, reader, stageProject } from './support.js'

const TIMEOUT = 15 * 60_000
const fixture = (name: string): string =>
  stageProject(path.join(REPO, '__tests__', 'projects', name), name)

async function build(
  values: Partial<Record<Input, string>>
): Promise<{ host: RecordingHost; metrics: Metrics }> {
  const host = recordingHost()
  const result = await run(
    host,
    reader({ [Input.Upx]: 'false', [Input.StartupRuns]: '2', ...values })
  )
  if (!result) throw new Error(`the run threw: ${host.failures.join('; ')}`)
  return { host, metrics: result.metrics }
}

/** The failure line and the first ::error line must both be the paste-ready fix. */
function expectFirstError(host: RecordingHost, fix: string): void {
  const flat = fix.replace(/\n\s*/g, ' ')
  expect(host.failures[0]).toContain(flat)
  expect(host.lines.find(l => l.kind === 'error')?.message).toContain(flat)
}

describe('parity and trace-driven bundling (real builds)', () => {
  it(
    'package templates (jinja2 PackageLoader): the trace collects the data; without it the fix is collect-data',
    async () => {
      const project = fixture('package-templates')
      const parity = '--help\n--version\ngreet Ada'
      const ok = await build({ [Input.ProjectPath]: project, [Input.Parity]: parity })
      expect(ok.metrics.verdict).toEqual({ passed: true, failures: [] })
      expect(ok.metrics.trace?.added.collectData).toEqual([
        expect.objectContaining({ name: 'tplcli', because: ['greet Ada'] })
      ])
      // The package's data comes by construction too: the default package-data covers it, trace or not.
      const byDefault = await build({
        [Input.ProjectPath]: project,
        [Input.Parity]: parity,
        [Input.Trace]: 'false'
      })
      expect(byDefault.metrics.verdict).toEqual({ passed: true, failures: [] })
      expect(byDefault.metrics.packageData).toEqual(
        expect.arrayContaining([expect.objectContaining({ distribution: 'tplcli', dataFiles: 1 })])
      )
      // A CLI without --version: exit 2 on both sides is parity, not a failure.
      expect(ok.metrics.parity?.find(p => p.command === '--version')).toMatchObject({
        passed: true,
        poetryExit: 2,
        binaryExit: 2
      })
      expect(ok.metrics.parity?.find(p => p.command === 'greet Ada')?.passed).toBe(true)
      expect(ok.host.summaries.join('\n')).toContain('| collect-data | `tplcli` | `greet Ada` |')

      const off = await build({
        [Input.ProjectPath]: project,
        [Input.Parity]: parity,
        [Input.Trace]: 'false',
        [Input.PackageData]: 'none'
      })
      expect(off.metrics.verdict.passed).toBe(false)
      expect(off.metrics.diagnosis.missingData?.map(e => e.name)).toEqual(['tplcli'])
      expectFirstError(off.host, 'collect-data: |\n  tplcli')
      expect(off.host.failures[0]).toContain("could not find a 'templates' directory")
    },
    TIMEOUT
  )

  it(
    'entry-point plugins: the trace copies the metadata and the loaded plugin; without it the fix is copy-metadata',
    async () => {
      const project = fixture('entry-point-plugins')
      const parity = '--help\n--version\nlist\nrun shout hello'
      const ok = await build({ [Input.ProjectPath]: project, [Input.Parity]: parity })
      expect(ok.metrics.verdict).toEqual({ passed: true, failures: [] })
      expect(ok.metrics.trace?.added.copyMetadata.map(a => a.name)).toEqual(['epcli'])
      // The plugin module comes with its package (package-modules) from the first traced run on.
      expect(ok.metrics.trace?.added.hiddenImports).toEqual(
        expect.arrayContaining([expect.objectContaining({ name: 'epcli.plugins.shout' })])
      )
      // PyInstaller's own analysis found the CLI's static imports; the plugin it could not.
      expect(ok.metrics.trace?.analysisMissed).toContain('epcli.plugins.shout')
      expect(ok.metrics.trace?.analysisMissed).not.toContain('argparse')
      expect(ok.metrics.parity?.every(p => p.passed)).toBe(true)

      const off = await build({
        [Input.ProjectPath]: project,
        [Input.Parity]: parity,
        [Input.Trace]: 'false',
        [Input.PackageData]: 'none'
      })
      expect(off.metrics.verdict.passed).toBe(false)
      expect(off.metrics.diagnosis.missingMetadata?.map(e => e.name)).toEqual(['epcli'])
      expectFirstError(off.host, 'copy-metadata: |\n  epcli')
    },
    TIMEOUT
  )

  it(
    'an import by computed name in one subcommand: traced into hidden-imports; without it the fix is collect-submodules',
    async () => {
      const project = fixture('subcommand-import')
      const parity = '--help\n--version\ngreet Ada --provider casual'
      const ok = await build({ [Input.ProjectPath]: project, [Input.Parity]: parity })
      expect(ok.metrics.verdict).toEqual({ passed: true, failures: [] })
      expect(ok.metrics.trace?.added.hiddenImports).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            name: 'providers.casual',
            because: ['greet Ada --provider casual']
          })
        ])
      )

      const off = await build({
        [Input.ProjectPath]: project,
        [Input.Parity]: parity,
        [Input.Trace]: 'false'
      })
      expect(off.metrics.verdict.passed).toBe(false)
      expectFirstError(off.host, 'collect-submodules: |\n  providers')
      // One annotation for the one cause; the parity check it broke is in the summary only.
      expect(off.host.lines.filter(l => l.kind === 'error')).toHaveLength(1)
      expect(off.host.summaries.join('\n')).toContain('parity: greet Ada --provider casual')
      const failed = off.metrics.parity?.find(p => p.command === 'greet Ada --provider casual')
      expect(failed).toMatchObject({ passed: false, poetryExit: 0, binaryExit: 1 })
    },
    TIMEOUT
  )

  it(
    'a service whose job imports its handler by name: exercised before SIGTERM, traced, and its log scanned',
    async () => {
      const project = fixture('service-job')
      const port = String(await freePort())
      const service = {
        [Input.ProjectPath]: project,
        [Input.ServiceArgs]: `--port ${port} serve`,
        [Input.ReadyPattern]: '^worker ready',
        [Input.ServiceExercise]: `--port ${port} submit report Q3 => 0`
      }
      const ok = await build(service)
      expect(ok.metrics.verdict).toEqual({ passed: true, failures: [] })
      expect(ok.metrics.trace?.added.hiddenImports).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ name: 'jobs.report', because: ['service'] })
        ])
      )
      const checks = Object.fromEntries(ok.metrics.smoke.map(s => [s.name, s]))
      expect(checks[`exercise: --port ${port} submit report Q3 => 0`]?.passed).toBe(true)
      expect(checks['service log']?.passed).toBe(true)
      // SIGTERM came after the exercise, and the worker drained and exited 0.
      expect(checks.SIGTERM?.passed).toBe(true)

      const off = await build({ ...service, [Input.Trace]: 'false' })
      expect(off.metrics.verdict.passed).toBe(false)
      expectFirstError(off.host, 'collect-submodules: |\n  jobs')
      const offChecks = Object.fromEntries(off.metrics.smoke.map(s => [s.name, s]))
      expect(offChecks['service log']).toMatchObject({ passed: false })
      expect(offChecks['service log']?.detail).toContain("No module named 'jobs'")
      expect(offChecks[`exercise: --port ${port} submit report Q3 => 0`]?.passed).toBe(false)
      // The worker itself stayed up and still shut down cleanly: only the log and the job show it.
      expect(offChecks.SIGTERM?.passed).toBe(true)
    },
    TIMEOUT
  )
})
