import { InputError } from '../errors.js'
import type { PipelineResult } from '../main.js'

/** The CLI's exit code: 0 when the verdict passed, 2 for bad input, 1 for every other failure. Pure. */
export function exitCode(
  result: Pick<PipelineResult, 'metrics'> | undefined,
  failure: { cause?: unknown } | undefined
): number {
  if (failure?.cause instanceof InputError) return 2
  if (failure || !result) return 1
  return result.metrics.verdict.passed ? 0 : 1
}
