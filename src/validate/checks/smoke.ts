import { smokeCommand } from '../smoke.js'
import type { Check, CheckResult } from './types.js'

/** The binary-only `smoke` commands, each with its expected exit code. */
export const smokeCheck: Check = {
  name: 'smoke',
  async run(c) {
    const results: CheckResult[] = []
    for (const s of c.inputs.smoke) {
      results.push(
        await smokeCommand(s.line, c.build.binaryPath, s.args, s.expectedExit, {
          env: c.env,
          timeoutMs: c.timeoutMs,
          secrets: c.secrets
        })
      )
    }
    return results
  }
}
