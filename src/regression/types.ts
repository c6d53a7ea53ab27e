/** How a build compares with its baseline (types only: the metrics schema names them). */
import type { SideBySide } from './side-by-side.js'

export interface RegressionOptions {
  maxSizeIncreasePct: number
  maxStartupIncreasePct: number
  /** A startup delta below this many ms never counts: noise on a 100 ms start must not flap. */
  startupFloorMs: number
}

export interface Delta {
  before: number
  after: number
  delta: number
  /** Percent change relative to before. */
  pct: number
}

export interface CompositionChange {
  package: string
  before: number
  after: number
  delta: number
  status: 'grew' | 'shrank' | 'new' | 'gone'
}

/** How one build compares with its baseline. */
export interface Regression {
  /** neutral: no baseline to compare with. */
  status: 'neutral' | 'pass' | 'fail'
  size: Delta | null
  startup:
    | (Delta & {
        noiseMs: number
        significant: boolean
        /** Set when both binaries were timed interleaved in this job: the figures above come from it. */
        sideBySide?: SideBySide
      })
    | null
  composition: CompositionChange[]
  failures: string[]
}
