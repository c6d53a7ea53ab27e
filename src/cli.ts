#!/usr/bin/env node
/** Local entry: the same pipeline as the action, with flags named like the inputs and terminal output. */
import * as os from 'node:os'
import * as path from 'node:path'
import { errorLine } from './errors.js'
import { terminalHost } from './hosts/terminal.js'
import { Input } from './inputs.js'
import { parseCliArgs, parseCliOptions, usage } from './cli-args.js'
import { run, type PipelineResult } from './main.js'
import { captureStdio } from './terminal/capture.js'
import { exitCode } from './terminal/exit-code.js'
import { defaultLogPath, RunLog } from './terminal/log.js'
import { renderTerminalReport } from './terminal/report.js'
import { paint, truncate, useColor, wrap } from './terminal/text.js'

/** Lines of the log shown when a run fails. */
const LOG_TAIL_LINES = 10

async function main(): Promise<number> {
  let parsed: ReturnType<typeof parseCliOptions>
  let values: Map<Input, string>
  try {
    parsed = parseCliOptions(process.argv.slice(2))
    values = parseCliArgs(parsed.rest)
  } catch (err) {
    process.stderr.write(`error: ${errorLine(err)}\n`)
    return 2
  }
  const { options } = parsed
  if (options.help) {
    process.stdout.write(`${usage()}\n`)
    return 0
  }
  // With --json, stdout carries metrics.json alone; what a person reads goes to stderr.
  const screen = options.json ? process.stderr : process.stdout
  const width = Math.max(40, screen.columns || Number(process.env.COLUMNS) || 100)
  const color = useColor(screen.isTTY, process.env)
  const p = paint(color)
  const tempDir = process.env.RUNNER_TEMP || path.join(os.tmpdir(), 'poetry-binary-action')
  const log = new RunLog(options.logFile ?? defaultLogPath(tempDir))

  // Nothing writes between the capture and the host, so the callback never runs before host exists.
  const stdio = captureStdio(line => host.toolLine(line))
  const display = options.json ? stdio.stderr : stdio.stdout
  const host = terminalHost({ display, log, width, color, verbose: options.verbose })
  const project = values.get(Input.ProjectPath) || '.'
  host.show([
    ...wrap(`poetry-binary: building ${project}`, width).map(l => p.bold(l)),
    ...wrap(log.path, width, p.dim('log: '), '     ')
  ])

  let result: PipelineResult | undefined
  try {
    result = await run(host, name => values.get(name) ?? '')
  } finally {
    host.close()
    stdio.restore()
  }
  const code = exitCode(result, host.failure)
  const failed = code !== 0
  const tail = failed && code !== 2 ? log.tail(LOG_TAIL_LINES) : []
  const lines: string[] = []
  if (tail.length) {
    lines.push(
      '',
      ...wrap('Last lines of the log:', width).map(l => p.dim(l)),
      ...tail.map(l => p.dim(truncate(`  ${l}`, width)))
    )
  }
  if (result) {
    const otherFailures = [...host.errors, ...(result.publishError ? [result.publishError] : [])]
    lines.push(
      ...renderTerminalReport(result.metrics, {
        width,
        color,
        paths: {
          report: result.report.reportPath,
          metrics: result.report.metricsPath,
          log: log.path
        },
        otherFailures
      })
    )
  } else {
    const message = host.failure?.message ?? 'the run ended without a result'
    lines.push('', ...wrap(message, width, `${p.red('✗')} error: `, '  '))
    if (code === 2) lines.push(...wrap('Run with --help for the flags.', width))
    else lines.push(...wrap(log.path, width, p.dim('log: '), '     '))
  }
  host.show(lines)
  log.close()
  if (options.json && result) process.stdout.write(`${JSON.stringify(result.metrics, null, 2)}\n`)
  return code
}

// Exit explicitly: an abandoned network call (cache, artifact) must not keep the process alive.
process.exit(await main())
