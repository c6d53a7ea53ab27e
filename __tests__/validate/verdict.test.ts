import { describe, expect, it } from '@jest/globals'
import { annotated, judge } from '../../src/validate/verdict.js'
import { coefficientOfVariation, median, percentile } from '../../src/validate/stats.js'
import { summarizeStartup } from '../../src/validate/startup.js'

const ok = {
  sizeBytes: 10,
  maxSizeBytes: 100,
  startupMedianMs: 100,
  maxStartupMs: 3000,
  startupFailures: [],
  smoke: []
}

describe('judge', () => {
  it('puts the diagnosed root cause first and annotates it alone, with other breaches', () => {
    const v = judge({
      ...ok,
      sizeBytes: 150,
      startupFailures: ["exit 1: ModuleNotFoundError: No module named 'jobs'"],
      smoke: [{ name: 'parity: run', passed: false, ms: 5, detail: 'binary exit 1' }],
      causes: ['The binary could not import jobs. Add to the step: collect-submodules: | jobs']
    })
    expect(v.failures[0]).toMatch(/^The binary could not import jobs/)
    expect(v.causes).toBe(1)
    expect(v.failures).toHaveLength(4)
    // The size breach has its own cause; the startup and parity failures follow from the missing module.
    expect(annotated(v)).toEqual([v.failures[0], v.failures[1]])
    expect(annotated(v)[1]).toMatch(/^Binary size/)
    const plain = judge({ ...ok, smoke: [{ name: 'x', passed: false, ms: 1, detail: 'exit 2' }] })
    expect(annotated(plain)).toEqual(plain.failures)
  })

  it('passes when everything is within limits', () =>
    expect(judge(ok)).toEqual({ passed: true, failures: [] }))
  it('collects every failure, not just the first', () => {
    const v = judge({
      ...ok,
      sizeBytes: 150_000_000,
      maxSizeBytes: 100_000_000,
      startupMedianMs: 3500,
      smoke: [
        { name: '--help', passed: false, ms: 5, detail: 'exit 1' },
        { name: 'SIGTERM', passed: false, skipped: true, ms: 0, detail: 'not on Windows' }
      ],
      extra: ['peak RSS too high']
    })
    expect(v.passed).toBe(false)
    expect(v.failures).toEqual([
      'Binary size 143 MiB (150000000 bytes) exceeds max-size 95.4 MiB (100000000 bytes)',
      'Startup median 3.50 s exceeds max-startup 3.00 s',
      'Smoke check "--help" failed: exit 1',
      'peak RSS too high'
    ])
  })
  it('reports failed startup runs instead of their timing', () => {
    const v = judge({ ...ok, startupFailures: ['exit 1: boom', 'exit 1: boom'] })
    expect(v.failures).toEqual(['Startup runs failed: exit 1: boom (and 1 more)'])
  })
})

describe('stats', () => {
  it('computes median, nearest-rank p95 and CV', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 2, 3])).toBe(2.5)
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10)
    expect(percentile([10, 20], 50)).toBe(10)
    expect(coefficientOfVariation([10, 10, 10])).toBe(0)
    expect(coefficientOfVariation([9, 11])).toBeCloseTo(Math.SQRT2 / 10, 6)
  })
  it('reports the first run apart from the warm runs', () => {
    const s = summarizeStartup([500, 100, 110, 90, 100])
    expect(s.coldMs).toBe(500)
    expect(s.medianMs).toBe(100)
    expect(s.p95Ms).toBe(110)
    expect(s.runs).toBe(5)
  })
})
