import * as fs from 'node:fs'
import type { RunContext } from '../context.js'
import { execCapture } from '../process.js'
import { lastLine } from '../tools/poetry.js'
import type { SmokeResult } from './verdict.js'

/** `upx -t` on every file UPX compressed: a packed library that does not unpack is caught before it ships. */
export async function testCompressed(
  upx: string,
  files: string[],
  ctx: RunContext
): Promise<SmokeResult | undefined> {
  const present = files.filter(f => fs.existsSync(f))
  if (present.length === 0) return undefined
  const started = Date.now()
  const r = await execCapture(upx, ['-t', '-q', ...present], { env: ctx.env })
  const ms = Date.now() - started
  if (r.exitCode === 0)
    return {
      name: 'upx -t',
      passed: true,
      ms,
      detail: `${present.length} compressed file(s) test OK`
    }
  const detail = `upx -t failed (exit ${r.exitCode}): ${lastLine(r.stderr || r.stdout)}; rebuild with "upx: false"`
  ctx.host.warning(detail, { title: 'UPX broke a bundled file' })
  return { name: 'upx -t', passed: false, ms, detail }
}
