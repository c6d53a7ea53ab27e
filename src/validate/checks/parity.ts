import { redact } from '../../secrets.js'
import { compareParity, lastOutputLines } from '../parity.js'
import { exitOf, type Check, type CheckResult } from './types.js'

/**
 * Every parity command as the binary, compared with its `poetry run` side (exit code, stdout). A
 * difference runs once more on both sides: only a repeatable one fails; one that goes away is
 * reported as flaky, with both outcomes and the first run's last lines.
 */
export const parityCheck: Check = {
  name: 'parity',
  async run(c) {
    const results: CheckResult[] = []
    for (const { command, run: poetry } of c.poetrySide.parity) {
      if (poetry.timedOut && c.inputs.defaultCommands.parity) {
        // A default command the program never answers under poetry run (a worker that starts on
        // any command line) says nothing about the binary: left out, with the reason.
        const detail = `not compared: under poetry run the program did not exit within ${Math.round(poetry.ms / 1000)} s (does it start a service whatever its arguments?); set parity to commands that exit, or none`
        c.ctx.host.notice(`parity: ${command.line} ${detail}`)
        results.push({
          name: `parity: ${command.line}`,
          passed: true,
          skipped: true,
          ms: 0,
          detail
        })
        continue
      }
      const binary = await c.runBinary(command.args)
      let outcome = compareParity(poetry, binary, c.normalization(), command.exitOnly, c.secrets)
      let flaky: string | undefined
      if (!outcome.passed) {
        const poetryAgain = await c.poetrySide.rerun(command.args)
        const binaryAgain = await c.runBinary(command.args)
        const again = compareParity(
          poetryAgain,
          binaryAgain,
          c.normalization(),
          command.exitOnly,
          c.secrets
        )
        if (again.passed) {
          flaky = `first run: ${outcome.detail}; rerun: ${again.detail}; the binary's first run ended with: ${lastOutputLines(binary, 3, c.secrets)}`
          c.ctx.host.warning(redact(`parity: ${command.line} is flaky (${flaky})`, c.secrets), {
            title: 'Flaky parity command'
          })
          outcome = { ...again, detail: `flaky: ${flaky}` }
        } else {
          outcome = again.diff || !outcome.diff ? again : outcome
        }
      }
      c.figures.parity.push({
        command: redact(command.line, c.secrets),
        exitOnly: command.exitOnly,
        passed: outcome.passed,
        poetryExit: exitOf(poetry),
        binaryExit: exitOf(binary),
        detail: outcome.detail,
        ...(flaky ? { flaky: true } : {}),
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
