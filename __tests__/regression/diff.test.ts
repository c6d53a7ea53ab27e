import { describe, expect, it } from '@jest/globals'
import {
  compareToBaseline,
  compositionChanges,
  delta,
  startupNoiseMs
} from '../../src/regression/diff.js'
import { baselineQuery } from '../../src/regression/baseline.js'
import { commentMarker, renderComment } from '../../src/report/comment.js'
import { findMarked, pullRequestNumber } from '../../src/publish/pr-comment.js'
import { aggregateFailures, renderAggregate, AGGREGATE_MARKER } from '../../src/aggregate.js'
import { sampleMetrics } from '../../__fixtures__/metrics.js'
import type { Metrics } from '../../src/report/metrics.js'

const opts = { maxSizeIncreasePct: 5, maxStartupIncreasePct: 20, startupFloorMs: 100 }

function withStartup(m: Metrics, medianMs: number, cv: number): Metrics {
  return { ...m, startup: { ...m.startup, medianMs, cv } }
}

function withSize(m: Metrics, sizeBytes: number): Metrics {
  return { ...m, binary: { ...m.binary, sizeBytes } }
}

describe('delta and noise', () => {
  it('computes absolute and percent changes', () => {
    expect(delta(100, 110)).toEqual({ before: 100, after: 110, delta: 10, pct: 10 })
    expect(delta(0, 5).pct).toBe(0)
  })

  it('uses the floor or twice the larger spread, whichever is more', () => {
    const base = sampleMetrics().startup
    expect(
      startupNoiseMs(
        { ...base, medianMs: 100, cv: 0.01 },
        { ...base, medianMs: 100, cv: 0.02 },
        100
      )
    ).toBe(100)
    expect(
      startupNoiseMs(
        { ...base, medianMs: 2000, cv: 0.1 },
        { ...base, medianMs: 1800, cv: 0.02 },
        100
      )
    ).toBe(400)
  })
})

describe('compareToBaseline', () => {
  const base = sampleMetrics()

  it('is neutral without a baseline', () => {
    expect(compareToBaseline(base, null, opts)).toEqual({
      status: 'neutral',
      size: null,
      startup: null,
      composition: [],
      failures: []
    })
  })

  it('fails a binary 10% bigger than its baseline', () => {
    const r = compareToBaseline(withSize(base, 7_713_580), withSize(base, 7_012_345), opts)
    expect(r.status).toBe('fail')
    expect(r.size?.pct).toBeCloseTo(10, 1)
    expect(r.failures).toEqual([
      "Binary grew 685 KiB (+10.0%) over the baseline's 6.7 MiB, above max-size-increase 5%"
    ])
  })

  it('passes growth within the allowance', () => {
    expect(compareToBaseline(withSize(base, 7_200_000), base, opts).status).toBe('pass')
  })

  it('never fails a startup change inside the noise band, even above the percentage', () => {
    // 100 → 150 ms is +50%, but a 50 ms change is under the 100 ms floor.
    const r = compareToBaseline(withStartup(base, 150, 0.01), withStartup(base, 100, 0.01), opts)
    expect(r.startup).toMatchObject({ delta: 50, pct: 50, noiseMs: 100, significant: false })
    expect(r.status).toBe('pass')
  })

  it('fails a startup regression beyond both the percentage and the noise', () => {
    const r = compareToBaseline(withStartup(base, 1600, 0.02), withStartup(base, 1000, 0.02), opts)
    expect(r.startup?.significant).toBe(true)
    expect(r.failures).toEqual([
      "Startup median rose 600 ms (+60.0%) over the baseline's 1.00 s, above max-startup-increase 20% and the 100 ms noise band"
    ])
  })

  it('does not fail a noisy build whose delta is inside twice its spread', () => {
    // +30% but CV 20% of a 1.3 s median gives a 520 ms band.
    const r = compareToBaseline(withStartup(base, 1300, 0.2), withStartup(base, 1000, 0.02), opts)
    expect(r.startup).toMatchObject({ noiseMs: 520, significant: false })
    expect(r.status).toBe('pass')
  })
})

describe('compositionChanges', () => {
  it('lists grown, shrunk, new and gone packages, biggest first, ignoring changes under 1 KiB', () => {
    const before = [
      { package: 'a', bytes: 10_000, kinds: [], distribution: null },
      { package: 'b', bytes: 50_000, kinds: [], distribution: null },
      { package: 'gone', bytes: 3000, kinds: [], distribution: null },
      { package: 'same', bytes: 9000, kinds: [], distribution: null }
    ]
    const after = [
      { package: 'a', bytes: 60_000, kinds: [], distribution: null },
      { package: 'b', bytes: 40_000, kinds: [], distribution: null },
      { package: 'new', bytes: 2000, kinds: [], distribution: null },
      { package: 'same', bytes: 9500, kinds: [], distribution: null }
    ]
    expect(compositionChanges(after, before)).toEqual([
      { package: 'a', before: 10_000, after: 60_000, delta: 50_000, status: 'grew' },
      { package: 'b', before: 50_000, after: 40_000, delta: -10_000, status: 'shrank' },
      { package: 'gone', before: 3000, after: 0, delta: -3000, status: 'gone' },
      { package: 'new', before: 0, after: 2000, delta: 2000, status: 'new' }
    ])
  })
})

describe('baselineQuery', () => {
  it('uses the base branch of a PR and the previous commit of a push', () => {
    expect(baselineQuery('pull_request', { pull_request: { base: { ref: 'main' } } })).toEqual({
      branch: 'main'
    })
    expect(baselineQuery('push', { before: 'a'.repeat(40) })).toEqual({ headSha: 'a'.repeat(40) })
    expect(baselineQuery('push', { before: '0'.repeat(40) })).toBeNull()
    expect(baselineQuery('workflow_dispatch', {})).toBeNull()
  })
})

describe('PR comment', () => {
  const base = sampleMetrics()
  const bigger = withSize(base, 7_713_580)
  const regression = compareToBaseline(bigger, base, opts)
  const failed: Metrics = { ...bigger, verdict: { passed: false, failures: regression.failures } }

  it('renders a table per leg with deltas, verdicts, composition changes and the run link', () => {
    const body = renderComment([{ metrics: failed, regression }], {
      marker: commentMarker('agent-runner-linux-x64'),
      runUrl: 'https://github.com/o/r/actions/runs/7'
    })
    expect(body.split('\n')[0]).toBe('<!-- poetry-binary-action:agent-runner-linux-x64 -->')
    expect(body).toContain('### Binary size and startup — ❌ 1 of 1 build(s) failed')
    expect(body).toContain(
      '| agent-runner · linux-x64 | 7.4 MiB | +685 KiB (+10.0%) | 102 ms | 140 ms | 0 ms (0.0%), within noise ±100 ms | 1.2% | ❌ failed |'
    )
    expect(body).toContain(
      "- linux-x64: Binary grew 685 KiB (+10.0%) over the baseline's 6.7 MiB, above max-size-increase 5%"
    )
    expect(body).toContain('[Workflow run](https://github.com/o/r/actions/runs/7)')
  })

  it('says so when there is no baseline', () => {
    const body = renderComment(
      [{ metrics: base, regression: compareToBaseline(base, null, opts) }],
      { marker: commentMarker('x') }
    )
    expect(body).toContain('| — | 102 ms | 140 ms | — |')
    expect(body).toContain('⚪ no baseline')
    expect(body).toContain('No baseline was found for linux-x64')
  })

  it('finds its own earlier comment by the hidden marker only', () => {
    const marker = commentMarker('agent-runner-linux-x64')
    const comments = [
      { id: 1, body: 'LGTM' },
      { id: 2, body: `${commentMarker('agent-runner-macos-arm64')}\nother leg` },
      { id: 3, body: `${marker}\nours` },
      { id: 4, body: null }
    ]
    expect(findMarked(comments, marker)?.id).toBe(3)
    expect(findMarked(comments.slice(0, 2), marker)).toBeUndefined()
    expect(commentMarker('evil -->')).toBe('<!-- poetry-binary-action:evil  -->')
  })

  it('reads the PR number from the event', () => {
    expect(pullRequestNumber({ pull_request: { number: 12 } })).toBe(12)
    expect(pullRequestNumber({})).toBeUndefined()
  })
})

describe('matrix aggregate', () => {
  const leg = (os: Metrics['os'], arch: Metrics['arch'], passed: boolean) => {
    const m = {
      ...sampleMetrics(),
      os,
      arch,
      verdict: { passed, failures: passed ? [] : ['Binary size too big'] }
    }
    return { metrics: m, regression: compareToBaseline(m, null, opts) }
  }

  it('renders one table and charts for every leg and fails when any leg failed', () => {
    const legs = [
      leg('linux', 'x64', true),
      leg('macos', 'arm64', false),
      leg('windows', 'x64', true)
    ]
    const md = renderAggregate(legs, 'https://github.com/o/r/actions/runs/9')
    expect(md.startsWith(AGGREGATE_MARKER)).toBe(true)
    expect(md).toContain('❌ 1 of 3 build(s) failed')
    for (const name of ['linux-x64', 'macos-arm64', 'windows-x64'])
      expect(md).toContain(`| agent-runner · ${name} |`)
    expect(md).toContain('x-axis ["linux-x64", "macos-arm64", "windows-x64"]')
    expect(aggregateFailures(legs)).toEqual([
      'agent-runner macos-arm64 failed: Binary size too big'
    ])
    expect(aggregateFailures([legs[0], legs[2]])).toEqual([])
  })
})
