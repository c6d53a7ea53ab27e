/**
 * What a modern UPX (4.2.x) really does to a PyInstaller build on Linux: it packs the bundled
 * shared libraries, the packed binary dies at its first start (SIGTRAP), and the action rebuilds
 * it without UPX rather than ship it. bench/upx-bisect/RESULTS.md has the measurement behind
 * `upx: auto` being off on Linux: every packed shared library crashes when loaded, so no
 * `upx_exclude` list is safe.
 */
import * as path from 'node:path'
import { execFileSync } from 'node:child_process'
import { describe, expect, it } from '@jest/globals'
import { run } from '../../src/main.js'
import { Input } from '../../src/inputs.js'
import { recordingHost } from '../../__fixtures__/host.js'
import { modernUpx, REPO, reader, stageProject } from './support.js'

const TIMEOUT = 15 * 60_000

describe('UPX 4 on Linux (real builds)', () => {
  it('is a modern UPX', () => {
    expect(execFileSync(modernUpx(), ['--version'], { encoding: 'utf8' })).toMatch(/^upx 4\./)
  })

  it(
    'upx: true packs the libraries, the packed binary crashes, and the action ships a rebuild without UPX',
    async () => {
      const project = stageProject(path.join(REPO, 'examples', 'agent-runner'), 'agent-runner-upx4')
      const host = recordingHost()
      const result = await run(
        host,
        reader({
          [Input.ProjectPath]: project,
          [Input.Upx]: 'true',
          [Input.UpxPath]: modernUpx(),
          [Input.StartupRuns]: '2'
        })
      )
      const m = result?.metrics
      expect(m?.verdict).toEqual({ passed: true, failures: [] })
      expect(m?.versions.upx).toMatch(/^4\./)
      // The shipped binary is the rebuild: no UPX in it.
      expect(m?.upx).toMatchObject({ requested: true, applied: false, filesCompressed: 0 })
      const note = m?.notes.find(n => n.startsWith('UPX broke the binary'))
      expect(note).toMatch(/^UPX broke the binary \((\d+) file\(s\) compressed, /)
      expect(Number(/\((\d+) file/.exec(note ?? '')?.[1])).toBeGreaterThan(10)
      expect(host.lines.some(l => l.kind === 'warning' && l.props?.title === 'UPX on Linux')).toBe(
        true
      )
      process.stdout.write(`upx 4 on agent-runner: ${note}; shipped ${m?.binary.sizeBytes} bytes\n`)
    },
    TIMEOUT
  )
})
