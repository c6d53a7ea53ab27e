#!/usr/bin/env node
/** Local entry: the same pipeline as the action, with flags named like the inputs and terminal output. */
import { errorLine } from './errors.js'
import { terminalHost } from './hosts/terminal.js'
import type { Input } from './inputs.js'
import { parseCliArgs, USAGE } from './cli-args.js'
import { run } from './main.js'

async function main(): Promise<void> {
  const argv = process.argv.slice(2)
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`)
    return
  }
  let values: Map<Input, string>
  try {
    values = parseCliArgs(argv)
  } catch (err) {
    process.stderr.write(`error: ${errorLine(err)}\n`)
    process.exitCode = 2
    return
  }
  const host = terminalHost()
  const result = await run(host, name => values.get(name) ?? '')
  if (result) process.stdout.write(`metrics: ${result.report.metricsPath}\n`)
}

await main()
