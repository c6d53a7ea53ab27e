import { execCapture } from '../process.js'
import type { RunContext } from '../context.js'

/** SOURCE_DATE_EPOCH for reproducible builds: the commit time of HEAD, else an existing value. */
export async function sourceDateEpoch(
  projectPath: string,
  ctx: RunContext
): Promise<string | undefined> {
  if (ctx.env.SOURCE_DATE_EPOCH) return ctx.env.SOURCE_DATE_EPOCH
  const r = await execCapture('git', ['-C', projectPath, 'log', '-1', '--format=%ct'], {
    env: ctx.env
  }).catch(() => undefined)
  const value = r?.exitCode === 0 ? r.stdout.trim() : ''
  return /^\d+$/.test(value) ? value : undefined
}
