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
  /** The same analysis as onedir, measured: named in the startup failure as the way out. */
  onedirStartupMs?: number
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
  /** How many leading failures are diagnosed root causes; failed checks then follow from them. */
  causes?: number
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
    const wayOut =
      v.onedirStartupMs !== undefined
        ? `; the same build as onedir starts in ${formatMs(v.onedirStartupMs)} (measured): mode: onedir, or backend: nuitka`
        : ''
    failures.push(
      `Startup median ${formatMs(v.startupMedianMs)} exceeds max-startup ${formatMs(v.maxStartupMs)}${wayOut}`
    )
  }
  for (const s of v.smoke) {
    if (!s.passed && !s.skipped) failures.push(`Smoke check "${s.name}" failed: ${s.detail}`)
  }
  failures.push(...(v.extra ?? []))
  const causes = v.causes?.length ?? 0
  return { passed: failures.length === 0, failures, ...(causes ? { causes } : {}) }
}

/**
 * The failures that get an error annotation: one per root cause. When a cause was diagnosed, the
 * failed checks and startup runs it explains are left to the summary. Pure.
 */
export function annotated(v: Verdict): string[] {
  const causes = v.causes ?? 0
  if (causes === 0) return v.failures
  return v.failures.filter(
    (f, i) => i < causes || !/^(Smoke check "|Startup runs failed: )/.test(f)
  )
}
