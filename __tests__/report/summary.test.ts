import { describe, expect, it } from '@jest/globals'
import { renderSummary } from '../../src/report/summary.js'
import { schemaProblems } from '../../src/report/metrics.js'
import { sampleMetrics } from '../../__fixtures__/metrics.js'

describe('renderSummary', () => {
  it('shows size, startup side by side with poetry run, thresholds and the verdict', () => {
    const md = renderSummary(sampleMetrics())
    expect(md).toContain('## agent-runner · Linux x64 · onefile — ✅ passed')
    expect(md).toContain('| size | 6.7 MiB | — | 95.4 MiB |')
    expect(md).toContain('| startup, warm median | 102 ms | 330 ms | 3.00 s |')
    expect(md).toContain('| startup, cold (first run) | 140 ms | 345 ms | |')
    expect(md).toContain('| binary vs poetry run (median) | 0.31× | | |')
    expect(md).toContain('UPX: not applied, failed on 12 (auto: on for linux); strip: on.')
    expect(md).toContain('    bar [140, 102, 345, 330]')
    expect(md).toContain('| --help | ✅ | 104 ms | exit 0 |')
    expect(md).not.toContain('### Failures')
  })

  it('renders the composition table, the mermaid pie and the dead-weight excludes', () => {
    const md = renderSummary(sampleMetrics())
    expect(md).toContain('| stdlib | 2.9 MiB | 44.8% | binary, data, python |')
    expect(md).toContain('| dotenv (python-dotenv) | 20.0 KiB | 0.3% | python |')
    expect(md).toContain(
      '```mermaid\npie showData title agent-runner content (KiB)\n    "stdlib" : 2998\n'
    )
    expect(md).toContain('| idna | 68.4 KiB |')
    expect(md).toContain('```yaml\nexcludes: |\n  idna\n```')
    expect(md).toContain('| peak RSS (service run) | 39.1 MiB | 36.2 MiB | |')
  })

  it('lists every failure and escapes table cells', () => {
    const md = renderSummary(
      sampleMetrics({
        smoke: [{ name: 'custom | pipe', passed: false, ms: 3, detail: 'exit 2\nboom' }],
        verdict: { passed: false, failures: ['Binary size too big', 'Smoke check failed'] }
      })
    )
    expect(md).toContain('— ❌ failed')
    expect(md).toContain('| custom \\| pipe | ❌ | 3 ms | exit 2 boom |')
    expect(md).toContain('### Failures\n\n- Binary size too big\n- Smoke check failed')
  })

  it('leaves out the chart when poetry run could not be measured', () => {
    const m = sampleMetrics()
    const md = renderSummary({
      ...m,
      startup: { ...m.startup, poetryRunMedianMs: null, poetryRunColdMs: null }
    })
    expect(md).not.toContain('xychart-beta')
    expect(md).toContain('| startup, warm median | 102 ms | — | 3.00 s |')
  })
})

describe('schemaProblems', () => {
  it('accepts schema-1 metrics and names what is wrong otherwise', () => {
    expect(schemaProblems(sampleMetrics())).toEqual([])
    const bad = {
      ...sampleMetrics(),
      schema: 2,
      binary: { path: 'x', sizeBytes: '1', sha256: 'zz' }
    }
    expect(schemaProblems(bad)).toEqual([
      'schema should be 1',
      'binary.sizeBytes should be number',
      'binary.sha256 should be hex'
    ])
  })
})
