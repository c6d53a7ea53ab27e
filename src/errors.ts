/** An error whose message is already a complete, one-line explanation for the user. */
export class ActionError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ActionError'
  }
}

/** An invalid input: the message names the input and what it accepts. */
export class InputError extends ActionError {
  constructor(
    readonly input: string,
    detail: string
  ) {
    super(`Input "${input}": ${detail}`)
    this.name = 'InputError'
  }
}

/** One line for the user, without a stack trace, whatever was thrown. */
export function errorLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err)
  return text.split(/\r?\n/).find(l => l.trim() !== '') ?? 'unknown error'
}
