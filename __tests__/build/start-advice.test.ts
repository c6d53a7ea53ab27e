import { describe, expect, it } from '@jest/globals'
import { startAdvice, wantsOnedirProbe } from '../../src/build/start-advice.js'
import { judge } from '../../src/validate/verdict.js'
import type { StartupMeasurement } from '../../src/validate/startup.js'

const startup = (medianMs: number, failures: string[] = []): StartupMeasurement => ({
  coldMs: medianMs,
  medianMs,
  p95Ms: medianMs,
  cv: 0,
  runs: 3,
  samplesMs: [medianMs],
  exitCodes: [0],
  failures
})

describe('wantsOnedirProbe', () => {
  it('only for a generated onefile that unpacks per start and is slower than poetry run', () => {
    const onefile = { mode: 'onefile' as const }
    expect(wantsOnedirProbe(onefile, 'per-start', true, startup(900), startup(500))).toBe(true)
    expect(wantsOnedirProbe(onefile, 'per-start', true, startup(400), startup(500))).toBe(false)
    expect(wantsOnedirProbe(onefile, 'cached', true, startup(900), startup(500))).toBe(false)
    expect(wantsOnedirProbe({ mode: 'onedir' }, 'none', true, startup(900), startup(500))).toBe(
      false
    )
    // A user's own spec is theirs: no onedir variant of it is built.
    expect(wantsOnedirProbe(onefile, 'per-start', false, startup(900), startup(500))).toBe(false)
    expect(wantsOnedirProbe(onefile, 'per-start', true, startup(900, ['x']), startup(500))).toBe(
      false
    )
    expect(wantsOnedirProbe(onefile, 'per-start', true, startup(900), null)).toBe(false)
  })
})

describe('startAdvice', () => {
  it('says what extraction costs per start, measured, and both ways out', () => {
    const text = startAdvice(6000, 2000, { medianMs: 1500, coldMs: 1700, buildMs: 4000 })
    expect(text).toBe(
      'This onefile binary unpacks itself at every start: 4.50 s of its 6.00 s warm start (75%). ' +
        'The same analysis built as onedir in this run starts in 1.50 s (poetry run: 2.00 s): ' +
        '`mode: onedir` ships that folder; `backend: nuitka` unpacks once into a cache folder and reuses it.'
    )
    expect(startAdvice(6000, 2000, undefined)).toBeNull()
  })

  it('names the measured way out in the max-startup failure', () => {
    const base = {
      sizeBytes: 1,
      maxSizeBytes: 10,
      startupMedianMs: 6000,
      maxStartupMs: 3000,
      startupFailures: [],
      smoke: []
    }
    expect(judge({ ...base, onedirStartupMs: 1500 }).failures).toEqual([
      'Startup median 6.00 s exceeds max-startup 3.00 s; the same build as onedir starts in 1.50 s (measured): mode: onedir, or backend: nuitka'
    ])
    expect(judge(base).failures).toEqual(['Startup median 6.00 s exceeds max-startup 3.00 s'])
  })
})
