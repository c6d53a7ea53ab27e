import type { AnnotationProps, Host } from '../host.js'

/** The host for local CLI runs: plain terminal lines, masks applied before printing. */
export function terminalHost(
  out: (line: string) => void = l => process.stdout.write(`${l}\n`),
  err: (line: string) => void = l => process.stderr.write(`${l}\n`)
): Host & { outputs: Record<string, string>; failed?: string } {
  const secrets: string[] = []
  const mask = (text: string): string =>
    secrets.reduce((acc, s) => (s ? acc.split(s).join('***') : acc), text)
  const label = (kind: string, m: string, p?: AnnotationProps): string =>
    `${kind}${p?.title ? ` (${p.title})` : ''}: ${mask(m)}`
  const host = {
    isActions: false,
    outputs: {} as Record<string, string>,
    failed: undefined as string | undefined,
    info: (m: string) => out(mask(m)),
    debug: (m: string) => {
      if (process.env.RUNNER_DEBUG === '1') out(`debug: ${mask(m)}`)
    },
    notice: (m: string, p?: AnnotationProps) => out(label('notice', m, p)),
    warning: (m: string, p?: AnnotationProps) => err(label('warning', m, p)),
    error: (m: string, p?: AnnotationProps) => err(label('error', m, p)),
    async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
      out(`▶ ${name}`)
      return fn()
    },
    setOutput(name: string, value: string | number | boolean) {
      host.outputs[name] = String(value)
    },
    setSecret(v: string) {
      if (v) secrets.push(v)
    },
    async writeSummary(markdown: string) {
      out(mask(markdown))
    },
    setFailed(m: string) {
      host.failed = m
      err(`error: ${mask(m)}`)
      process.exitCode = 1
    }
  }
  return host
}
