import { describe, expect, it } from '@jest/globals'
import { sampleMetrics } from '../../__fixtures__/metrics.js'
import { renderTerminalReport } from '../../src/terminal/report.js'
import { displayWidth } from '../../src/terminal/text.js'

const paths = {
  report: '/w/build/binary-action/report.md',
  metrics: '/w/build/binary-action/metrics.json',
  log: '/tmp/poetry-binary-action/logs/poetry-binary-20261201-120000-1.log'
}

const failing = sampleMetrics({
  binary: { path: '/w/dist/agent-runner', sizeBytes: 7_012_345, sha256: 'a'.repeat(64) },
  thresholds: { maxSizeBytes: 1_000_000, maxStartupMs: 3000, maxMemoryBytes: null },
  smoke: [
    { name: '--help', passed: true, ms: 104, detail: 'exit 0' },
    { name: 'SIGTERM', passed: false, ms: 10_000, detail: 'still running 10 s after SIGTERM' },
    { name: 'service run', passed: true, skipped: true, ms: 0, detail: 'skipped: no ready-port' }
  ],
  notes: ['Rebuilt once with `foo` added (auto-fix-imports).'],
  verdict: {
    passed: false,
    failures: [
      'Binary size 6.7 MiB (7012345 bytes) exceeds max-size 977 KiB (1000000 bytes)',
      'Smoke check "SIGTERM" failed: still running 10 s after SIGTERM'
    ]
  }
})

describe('renderTerminalReport', () => {
  it.each([40, 60, 80, 100, 160])('keeps every line within %d columns', width => {
    for (const m of [sampleMetrics(), failing]) {
      const lines = renderTerminalReport(m, { width, color: true, paths })
      const pathLines = new Set(
        [paths.report, paths.metrics, paths.log, m.binary.path].map(path =>
          lines.find(l => l.endsWith(` ${path}`) || l.includes(` ${path} `))
        )
      )
      for (const line of lines)
        if (!pathLines.has(line)) expect(displayWidth(line)).toBeLessThanOrEqual(width)
    }
  })

  it('never breaks a path, and moves the hint after it to the next line when it does not fit', () => {
    const long = { ...paths, report: `/check/${'deep/'.repeat(20)}binary-action/report.md` }
    const lines = renderTerminalReport(sampleMetrics(), { width: 80, color: false, paths: long })
    const at = lines.findIndex(l => l.startsWith('report '))
    expect(lines[at]).toBe(`report   ${long.report}`)
    expect(lines[at + 1]).toBe('         (charts, full tables)')
    expect(lines).toContain(`log      ${paths.log}`)
  })

  it('renders tables for a terminal, not markdown, and no charts', () => {
    const text = renderTerminalReport(sampleMetrics(), { width: 100, color: false, paths }).join(
      '\n'
    )
    expect(text).not.toMatch(/mermaid|```|<details>|\|---/)
    expect(text).toMatch(/✓ {2}size {2,}6\.7 MiB {2,}— {2,}95\.4 MiB/)
    expect(text).toMatch(/✓ {2}--help {2,}104 ms {2}exit 0/)
    expect(text).toContain(`report   ${paths.report} (charts, full tables)`)
    expect(text).toContain(`log      ${paths.log}`)
    expect(text).toMatch(/stdlib +2\.9 MiB +\d+\.\d%/)
  })

  it('ends with the verdict: passed, with the figures', () => {
    const lines = renderTerminalReport(sampleMetrics(), { width: 100, color: false, paths })
    expect(lines[lines.length - 1]).toBe('✓ passed: 6.7 MiB, warm start 102 ms (0.31× poetry run)')
  })

  it('marks what failed with ✗ and ends with the failures, the first named', () => {
    const lines = renderTerminalReport(failing, {
      width: 100,
      color: false,
      paths,
      otherFailures: ['Artifact upload failed: 503']
    })
    const text = lines.join('\n')
    expect(text).toMatch(/✗ {2}size {2,}6\.7 MiB/)
    expect(text).toMatch(/✗ {2}SIGTERM {2,}10\.00 s {2}still running/)
    expect(text).toMatch(/– {2}service run/)
    expect(text).toContain('Checks: 1 of 2 passed, 1 skipped')
    expect(text).toContain('note: Rebuilt once with foo added (auto-fix-imports).')
    expect(text).toContain('  ✗ Artifact upload failed: 503')
    expect(lines.slice(-2).join(' ')).toMatch(
      /^✗ failed: 3 problems; the first: Binary size 6\.7 MiB .*exceeds max-size/
    )
  })

  it('colours only when asked', () => {
    const plain = renderTerminalReport(failing, { width: 80, color: false, paths }).join('\n')
    const colored = renderTerminalReport(failing, { width: 80, color: true, paths }).join('\n')
    expect(plain).not.toContain('\x1b[')
    expect(colored).toContain('\x1b[31m✗\x1b[39m')
  })

  it('shows the baseline comparison when there is one', () => {
    const m = sampleMetrics({
      baseline: {
        sizeBytes: 7_000_000,
        startupMs: 100,
        source: 'auto',
        runId: 42,
        sha: 'abcdef123'
      },
      regression: {
        status: 'pass',
        size: { before: 7_000_000, after: 7_012_345, delta: 12_345, pct: 0.18 },
        startup: {
          before: 100,
          after: 101.5,
          delta: 1.5,
          pct: 1.5,
          noiseMs: 100,
          significant: false
        },
        composition: [],
        failures: []
      }
    })
    const text = renderTerminalReport(m, { width: 100, color: false, paths }).join('\n')
    expect(text).toContain('Against the baseline: run 42 (abcdef1)')
    expect(text).toMatch(/✓ {2}size {2,}6\.7 MiB {2,}6\.7 MiB {2}\+12\.1 KiB \(\+0\.2%\)/)
    expect(text).toContain('within the 100 ms noise band')
  })
})
