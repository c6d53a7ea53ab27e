/**
 * The terminal both sides of a comparison run in. argparse, click and rich wrap to `COLUMNS` and
 * colour by `TERM`, `NO_COLOR`, `FORCE_COLOR` and whether stdout is a tty (it never is here: both
 * sides write to pipes). With the same settings on both sides, a difference in wrapping is real.
 */

/** Width and height both sides are told they have. */
export const TERMINAL_COLUMNS = 100
export const TERMINAL_LINES = 40

/** Variables that force colour or a tty on, whatever the runner's environment says. */
const FORCING = ['FORCE_COLOR', 'CLICOLOR_FORCE', 'PY_COLORS', 'TTY_COMPATIBLE', 'TTY_INTERACTIVE']

/** The environment with the same terminal settings as the other side; smoke-env may still override them. Pure. */
export function sameTerminal(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env }
  for (const key of FORCING) delete out[key]
  out.COLUMNS = String(TERMINAL_COLUMNS)
  out.LINES = String(TERMINAL_LINES)
  out.TERM = 'dumb'
  out.NO_COLOR = '1'
  return out
}
