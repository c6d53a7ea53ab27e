import { DEFAULTS, Input } from './inputs.js'

/** Usage text of the CLI: every action input is a flag of the same name. */
export const USAGE = `Usage: poetry-binary [--<input> <value>]...

Builds a Poetry project into a validated binary (PyInstaller or Nuitka), exactly as the GitHub Action does.
Every action input is a flag of the same name. Multiline inputs take "\\n"-separated values or
repeat the flag. metrics.json and report.md land in <project>/build/binary-action.

Inputs (default):
${Object.values(Input)
  .map(i => `  --${i}${DEFAULTS[i] ? ` (${DEFAULTS[i]})` : ''}`)
  .join('\n')}`

/** Parses `--name value` / `--name=value` flags into input values; repeated flags become lines. */
export function parseCliArgs(argv: string[]): Map<Input, string> {
  const known = new Set<string>(Object.values(Input))
  const values = new Map<Input, string>()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (!arg.startsWith('--'))
      throw new Error(`Unexpected argument "${arg}"; flags look like --max-size 100MB`)
    const eq = arg.indexOf('=')
    const name = arg.slice(2, eq === -1 ? undefined : eq)
    if (!known.has(name)) throw new Error(`Unknown flag --${name}; run with --help for the list`)
    let value: string
    if (eq !== -1) value = arg.slice(eq + 1)
    else {
      if (i + 1 >= argv.length) throw new Error(`Flag --${name} needs a value`)
      value = argv[++i]
    }
    const prev = values.get(name as Input)
    values.set(name as Input, prev === undefined ? value : `${prev}\n${value}`)
  }
  return values
}
