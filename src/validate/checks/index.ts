import { envPassthroughCheck } from './env-passthrough.js'
import { parityCheck } from './parity.js'
import { serviceCheck } from './service.js'
import { smokeCheck } from './smoke.js'
import type { Check } from './types.js'

/** The checks run against every binary, in this order (env passthrough reads what the others recorded). */
export const CHECKS: readonly Check[] = [parityCheck, smokeCheck, serviceCheck, envPassthroughCheck]

export type { Check, CheckContext, CheckResult, ParityResult, ProbeRecord } from './types.js'
