/**
 * Real public Poetry CLIs from PyPI that no one here wrote (__tests__/real-projects: a wrapper
 * project pinning each, with its natural parity commands in PARITY.txt), built with the defaults.
 * Frozen without help each breaks (package data, entry-point metadata, computed imports; see each
 * NOTES.md); the trace must find every piece so that all parity commands pass in one build.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { run } from '../../src/main.js'
import { Input } from '../../src/inputs.js'
import { recordingHost } from '../../__fixtures__/host.js'
import { REPO, reader, stageProject } from './support.js'

const TIMEOUT = 20 * 60_000

async function buildReal(name: string) {
  const source = path.join(REPO, '__tests__', 'real-projects', name)
  const project = stageProject(source, `real-${name}`)
  const host = recordingHost()
  const result = await run(
    host,
    reader({
      [Input.ProjectPath]: project,
      [Input.Upx]: 'false',
      [Input.StartupRuns]: '2',
      [Input.Parity]: fs.readFileSync(path.join(source, 'PARITY.txt'), 'utf8')
    })
  )
  const metrics = result?.metrics
  const added = metrics?.trace?.added
  process.stdout.write(
    `${name}: ${metrics?.binary.sizeBytes} bytes, build ${metrics?.timings.build} ms; trace added ` +
      `hidden-imports [${added?.hiddenImports.map(a => a.name).join(', ')}], ` +
      `collect-data [${added?.collectData.map(a => a.name).join(', ')}], ` +
      `copy-metadata [${added?.copyMetadata.map(a => a.name).join(', ')}]\n`
  )
  if (!metrics?.verdict.passed)
    process.stdout.write(`${name} failures:\n  ${metrics?.verdict.failures.join('\n  ')}\n`)
  return { host, metrics }
}

describe('real public Poetry CLIs, built with the defaults plus their own parity commands', () => {
  it(
    'commitizen 4.11.0: package templates, committers found through entry points',
    async () => {
      const { metrics } = await buildReal('commitizen')
      expect(metrics?.verdict).toEqual({ passed: true, failures: [] })
      expect(metrics?.parity?.length).toBe(6)
      expect(metrics?.parity?.every(p => p.passed)).toBe(true)
      expect(metrics?.trace?.added.collectData.map(a => a.name)).toContain('commitizen')
      expect(metrics?.trace?.added.copyMetadata.map(a => a.name)).toContain('commitizen')
      expect(metrics?.trace?.added.hiddenImports.map(a => a.name)).toContain(
        'commitizen.cz.conventional_commits'
      )
      expect(metrics?.binary.sizeBytes).toBeLessThan(100_000_000)
    },
    TIMEOUT
  )

  it(
    'cyclonedx-bom 7.5.0: schema and license data in three packages',
    async () => {
      const { metrics } = await buildReal('cyclonedx-bom')
      expect(metrics?.verdict).toEqual({ passed: true, failures: [] })
      expect(metrics?.parity?.every(p => p.passed)).toBe(true)
      expect(metrics?.trace?.added.collectData.map(a => a.name)).toEqual(
        expect.arrayContaining(['cyclonedx', 'license_expression', 'rfc3987_syntax'])
      )
      expect(metrics?.binary.sizeBytes).toBeLessThan(100_000_000)
    },
    TIMEOUT
  )
})
