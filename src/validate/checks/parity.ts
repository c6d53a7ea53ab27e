import { redact } from '../../secrets.js'
import { compareParity } from '../parity.js'
import { exitOf, type Check, type CheckResult } from './types.js'

/** Every parity command as the binary, compared with its `poetry run` side (exit code, stdout). */
export const parityCheck: Check = {
  name: 'parity',
  async run(c) {
    const results: CheckResult[] = []
    for (const { command, run: poetry } of c.poetrySide.parity) {
      const binary = await c.runBinary(command.args)
      const outcome = compareParity(poetry, binary, c.normalization(), command.exitOnly, c.secrets)
      c.figures.parity.push({
        command: redact(command.line, c.secrets),
        exitOnly: command.exitOnly,
        passed: outcome.passed,
        poetryExit: exitOf(poetry),
        binaryExit: exitOf(binary),
        detail: outcome.detail,
        ...(outcome.diff ? { diff: outcome.diff } : {})
      })
      if (outcome.diff) c.ctx.host.info(outcome.diff)
      results.push({
        name: `parity: ${command.line}`,
        passed: outcome.passed,
        ms: binary.ms,
        detail: outcome.detail
      })
    }
    return results
  }
}
