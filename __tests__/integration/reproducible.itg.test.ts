/**
 * Reproducible builds: two clean builds of the same project, in separate folders, from nothing
 * (no venv, no build folder, no PyInstaller cache), give a byte-identical binary.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { run } from '../../src/main.js'
import { Input } from '../../src/inputs.js'
import { recordingHost } from '../../__fixtures__/host.js'
import { copyProject, REPO, reader, WORK } from './support.js'

const TIMEOUT = 15 * 60_000

async function cleanBuild(folder: string) {
  const dest = path.join(WORK, folder)
  fs.rmSync(dest, { recursive: true, force: true })
  copyProject(path.join(REPO, 'examples', 'agent-runner'), dest)
  const result = await run(
    recordingHost(),
    reader({
      [Input.ProjectPath]: dest,
      [Input.Upx]: 'false',
      [Input.StartupRuns]: '2',
      [Input.Parity]: 'none'
    })
  )
  return result?.metrics
}

describe('reproducible builds', () => {
  it(
    'gives the same SHA-256 for two clean builds in separate folders',
    async () => {
      const a = await cleanBuild('reproducible-a')
      const b = await cleanBuild('reproducible-b')
      expect(a?.verdict.passed).toBe(true)
      expect(a?.binary.path).not.toBe(b?.binary.path)
      expect(a?.binary.sha256).toMatch(/^[0-9a-f]{64}$/)
      expect(b?.binary.sha256).toBe(a?.binary.sha256)
      // SOURCE_DATE_EPOCH comes from HEAD's commit time of the checkout the project lives in.
      expect(a?.reproducibility?.sourceDateEpoch).toBeGreaterThan(1_600_000_000)
      expect(a?.reproducibility?.pythonHashSeed).toBe(0)
    },
    TIMEOUT
  )
})
