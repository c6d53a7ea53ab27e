import type { Check } from './types.js'

/** With smoke-env: the probe must have seen every variable in at least one run of the binary. */
export const envPassthroughCheck: Check = {
  name: 'env passthrough',
  async run(c) {
    const keys = Object.keys(c.inputs.smokeEnv)
    if (!keys.length) return []
    const name = 'env passthrough'
    if (!c.probe)
      return [
        {
          name,
          passed: true,
          skipped: true,
          ms: 0,
          detail: 'skipped: a custom spec has no probe hook'
        }
      ]
    const probes = c.probes()
    if (probes.length === 0)
      return [
        {
          name,
          passed: false,
          ms: 0,
          detail: 'no run of the binary exited normally, so nothing was recorded'
        }
      ]
    const missing = keys.filter(k => !probes.some(p => p.env[k]))
    return [
      {
        name,
        passed: missing.length === 0,
        ms: 0,
        detail: missing.length
          ? `the binary did not see ${missing.join(', ')}`
          : `the binary saw ${keys.join(', ')}`
      }
    ]
  }
}
