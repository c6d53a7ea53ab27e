import * as fs from 'node:fs'
import * as path from 'node:path'
import type { ServiceRun } from '../../run/service.js'
import type { CheckResult } from './types.js'

/** Names onefile bootloaders give their per-start extraction folders (PyInstaller, Nuitka temporary). */
const EXTRACTION_DIR = /^(_MEI\d+|onefile_\d+_)/

/**
 * After SIGTERM: nothing of the binary's process group may still run, and no per-start extraction
 * folder may be left in the service's own temp folder. Pure but for reading `tmpDir`.
 */
export function cleanShutdownCheck(run: ServiceRun, tmpDir: string): CheckResult | null {
  if (!run.sigterm || run.sigterm.timedOut || run.leftovers === null || run.leftovers === undefined)
    return null
  const folders = fs.existsSync(tmpDir)
    ? fs
        .readdirSync(tmpDir)
        .filter(f => EXTRACTION_DIR.test(f))
        .map(f => path.join(tmpDir, f))
    : []
  const problems = [
    ...run.leftovers.map(p => `process still running after exit: ${p}`),
    ...folders.map(f => `extraction folder left behind: ${f}`)
  ]
  return {
    name: 'clean shutdown',
    passed: problems.length === 0,
    ms: 0,
    detail: problems.length
      ? `${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''}`
      : 'no process of its group left, no extraction folder left'
  }
}
