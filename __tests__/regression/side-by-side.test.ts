import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { sampleMetrics } from '../../__fixtures__/metrics.js'
import { baselineBinary } from '../../src/regression/baseline.js'
import { renderComment } from '../../src/report/comment.js'
import { renderTerminalReport } from '../../src/terminal/report.js'
import { compareToBaseline } from '../../src/regression/diff.js'
import {
  sideBySideFailure,
  summarizePairs,
  type StartupPair
} from '../../src/regression/side-by-side.js'

const options = { maxSizeIncreasePct: 5, maxStartupIncreasePct: 20, startupFloorMs: 100 }
const pairsOf = (rows: [number, number][]): StartupPair[] =>
  rows.map(([baseMs, currentMs]) => ({ baseMs, currentMs }))

describe('side-by-side startup', () => {
  it('summarizes the ratio, its middle half and the slower pairs', () => {
    const s = summarizePairs(
      pairsOf([
        [100, 110],
        [200, 180],
        [100, 150],
        [100, 100]
      ])
    )
    expect(s).toEqual({
      pairs: 4,
      baseMedianMs: 100,
      currentMedianMs: 130,
      medianRatio: 1.05,
      ratioP25: 0.9,
      ratioP75: 1.1,
      slowerPairs: 2,
      medianDiffMs: 5
    })
  })

  it('does not fail when load slows both binaries alike, however slow', () => {
    // A busy machine: every start is slow and noisy, but A and B move together.
    const busy = pairsOf([
      [180, 175],
      [420, 440],
      [300, 290],
      [650, 600],
      [210, 230],
      [380, 390],
      [500, 470],
      [260, 255]
    ])
    const s = summarizePairs(busy)
    expect(sideBySideFailure(s, options)).toBeNull()
  })

  it('fails a slowdown that holds across the pairs, naming the ratio and the pairs', () => {
    const slower = pairsOf([
      [150, 660],
      [300, 820],
      [170, 690],
      [160, 640],
      [400, 900],
      [155, 700],
      [165, 650],
      [150, 120]
    ])
    const failure = sideBySideFailure(summarizePairs(slower), options)
    expect(failure).toMatch(
      /^Startup is 3\.97× the base branch's binary side by side \(middle half .*\), slower in 7 of 8 interleaved pairs: above max-startup-increase 20% and the 100 ms floor$/
    )
  })

  it('needs all three: most pairs, the ratio and the floor', () => {
    const s = summarizePairs(
      pairsOf(Array.from({ length: 8 }, () => [100, 150] as [number, number]))
    )
    // 1.5× in every pair, but only 50 ms: under the floor.
    expect(sideBySideFailure(s, options)).toBeNull()
    expect(sideBySideFailure(s, { ...options, startupFloorMs: 40 })).not.toBeNull()
    expect(
      sideBySideFailure(s, { ...options, startupFloorMs: 40, maxStartupIncreasePct: 60 })
    ).toBeNull()
    // Slower by a lot, but in only half the pairs.
    const half = summarizePairs(
      pairsOf([
        [100, 900],
        [100, 900],
        [100, 900],
        [100, 900],
        [100, 90],
        [100, 90],
        [100, 90],
        [100, 90]
      ])
    )
    expect(sideBySideFailure(half, { ...options, startupFloorMs: 0 })).toBeNull()
  })

  it('replaces the recorded-figure comparison; size stays exact', () => {
    const current = sampleMetrics({ startup: { ...sampleMetrics().startup, medianMs: 900 } })
    const base = sampleMetrics({
      binary: { ...sampleMetrics().binary, sizeBytes: 7_012_345 },
      startup: { ...sampleMetrics().startup, medianMs: 100 }
    })
    // Recorded: 100 ms then, 900 ms now (a busy runner) fails without the side-by-side figures.
    expect(compareToBaseline(current, base, options).status).toBe('fail')
    const side = summarizePairs(
      pairsOf(Array.from({ length: 8 }, (_, i) => [880 + i, 900 - i] as [number, number]))
    )
    const r = compareToBaseline(current, base, options, side)
    expect(r.status).toBe('pass')
    expect(r.startup).toMatchObject({
      before: side.baseMedianMs,
      significant: false,
      sideBySide: side
    })
    const grown = sampleMetrics({ binary: { ...sampleMetrics().binary, sizeBytes: 7_500_000 } })
    expect(compareToBaseline(grown, base, options, side).failures).toEqual([
      expect.stringMatching(/^Binary grew .* \(\+7\.0%\)/)
    ])
  })
})

describe('baselineBinary', () => {
  it("finds a onefile baseline's binary beside its metrics and makes it executable", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-base-'))
    const m = sampleMetrics()
    expect(baselineBinary(m, dir)).toBeUndefined()
    fs.writeFileSync(path.join(dir, 'agent-runner'), 'binary', { mode: 0o644 })
    expect(baselineBinary(m, dir)).toBe(path.join(dir, 'agent-runner'))
    expect(fs.statSync(path.join(dir, 'agent-runner')).mode & 0o111).toBe(0o111)
    expect(baselineBinary({ ...m, mode: 'onedir' }, dir)).toBeUndefined()
  })
})

describe('side-by-side figures in the reports', () => {
  it('shows the ratio, its spread and the slower pairs in the PR comment and on the terminal', () => {
    const base = sampleMetrics()
    const side = summarizePairs(
      pairsOf(Array.from({ length: 8 }, (_, i) => [150 + i, 152 + i] as [number, number]))
    )
    const regression = compareToBaseline(sampleMetrics(), base, options, side)
    const comment = renderComment([{ metrics: sampleMetrics({ regression }), regression }], {
      marker: '<!-- m -->'
    })
    expect(comment).toContain('1.01× side by side (middle half 1.01–1.01×, slower in 8 of 8 pairs)')
    const terminal = renderTerminalReport(
      sampleMetrics({
        regression,
        baseline: { sizeBytes: 7_012_345, startupMs: 101.5, source: 'auto', runId: 7, sha: null }
      }),
      { width: 100, color: false, paths: { report: 'r', metrics: 'm', log: 'l' } }
    ).join('\n')
    expect(terminal).toMatch(
      /✓ {2}startup, side by side +154 ms +156 ms {2}1\.01× \(middle half 1\.01–1\.01×\), slower in 8 of 8/
    )
  })
})
