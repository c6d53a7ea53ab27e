import { redact } from '../secrets.js'
import { runBounded } from '../process.js'
import type { SmokeResult } from './verdict.js'

export interface SmokeOptions {
  cwd?: string
  env: NodeJS.ProcessEnv
  timeoutMs: number
  /** Values redacted from every detail before it is cut. */
  secrets?: readonly string[]
}

/** Runs one command and passes when it exits with the expected code in time. */
export async function smokeCommand(
  name: string,
  command: string,
  args: string[],
  expectedExit: number,
  options: SmokeOptions
): Promise<SmokeResult & { output: string }> {
  const r = await runBounded(command, args, {
    cwd: options.cwd,
    env: options.env,
    timeoutMs: options.timeoutMs
  })
  const output = `${r.stdout}${r.stderr}`
  const ms = Math.round(r.ms)
  if (r.spawnError)
    return { name, passed: false, ms, detail: `could not start: ${r.spawnError}`, output }
  if (r.timedOut)
    return {
      name,
      passed: false,
      ms,
      detail: `no exit within ${options.timeoutMs} ms; last output: ${lastLines(output, 3, options.secrets)}`,
      output
    }
  if (r.exitCode !== expectedExit) {
    return {
      name,
      passed: false,
      ms,
      detail: `exit ${r.exitCode ?? r.signal} (expected ${expectedExit}); last output: ${lastLines(output, 3, options.secrets)}`,
      output
    }
  }
  return { name, passed: true, ms, detail: `exit ${expectedExit}`, output }
}

/** The last few non-empty lines of output, joined for a one-line detail. */
export function lastLines(text: string, count = 3, secrets: readonly string[] = []): string {
  const lines = redact(text, secrets)
    .split(/\r?\n/)
    .map(l => l.trim())
    .filter(Boolean)
  return lines.length ? lines.slice(-count).join(' | ').slice(0, 500) : '(no output)'
}
