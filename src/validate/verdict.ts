import { formatBytes, formatMs } from '../units.js'

export interface SmokeResult {
  name: string
  passed: boolean
  /** True when the check could not run on this platform; it neither passes nor fails the build. */
  skipped?: boolean
  ms: number
  detail: string
}

export interface VerdictInput {
  sizeBytes: number
  maxSizeBytes: number
  startupMedianMs: number
  maxStartupMs: number
  startupFailures: string[]
  smoke: SmokeResult[]
  /** Extra failures from later stages (memory, regressions). */
  extra?: string[]
  /** Root causes (a diagnosed missing module, data or metadata): listed first, since the failed checks follow from them. */
  causes?: string[]
}

export interface Verdict {
  passed: boolean
  failures: string[]
}

/** Collects every threshold breach and failed check into one verdict. Pure. */
export function judge(v: VerdictInput): Verdict {
  const failures: string[] = [...(v.causes ?? [])]
  if (v.sizeBytes > v.maxSizeBytes) {
    failures.push(
      `Binary size ${formatBytes(v.sizeBytes)} (${v.sizeBytes} bytes) exceeds max-size ${formatBytes(v.maxSizeBytes)} (${v.maxSizeBytes} bytes)`
    )
  }
  if (v.startupFailures.length) {
    failures.push(
      `Startup runs failed: ${v.startupFailures[0]}${v.startupFailures.length > 1 ? ` (and ${v.startupFailures.length - 1} more)` : ''}`
    )
  } else if (v.startupMedianMs > v.maxStartupMs) {
    failures.push(
      `Startup median ${formatMs(v.startupMedianMs)} exceeds max-startup ${formatMs(v.maxStartupMs)}`
    )
  }
  for (const s of v.smoke) {
    if (!s.passed && !s.skipped) failures.push(`Smoke check "${s.name}" failed: ${s.detail}`)
  }
  failures.push(...(v.extra ?? []))
  return { passed: failures.length === 0, failures }
}
