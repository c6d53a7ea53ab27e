import { execFileSync, spawn } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { cleanShutdownCheck } from '../../src/validate/checks/clean-shutdown.js'
import { groupMembers, type ServiceRun } from '../../src/run/service.js'
import { checksums } from '../../src/report/checksums.js'

const run = (over: Partial<ServiceRun>): ServiceRun => ({
  ready: true,
  readyMs: 10,
  sigterm: { exitCode: 0, signal: null, ms: 20, timedOut: false },
  exitedEarly: null,
  peakRssBytes: 1,
  output: '',
  leftovers: [],
  ...over
})

describe('clean shutdown', () => {
  const tmp = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'pba-shutdown-'))

  it('passes when the group is gone and no extraction folder is left', () => {
    const dir = tmp()
    fs.mkdirSync(path.join(dir, 'user-temp-file-dir'))
    expect(cleanShutdownCheck(run({}), dir)).toMatchObject({ name: 'clean shutdown', passed: true })
  })

  it('fails naming a leftover process and a leftover _MEI folder', () => {
    const dir = tmp()
    fs.mkdirSync(path.join(dir, '_MEI123456'))
    const r = cleanShutdownCheck(run({ leftovers: ['4242 /tmp/_MEI123456/worker --child'] }), dir)
    expect(r?.passed).toBe(false)
    expect(r?.detail).toContain('process still running after exit: 4242 /tmp/_MEI123456/worker')
    expect(r?.detail).toContain(`extraction folder left behind: ${path.join(dir, '_MEI123456')}`)
  })

  it('says nothing when SIGTERM was not sent or timed out (SIGTERM reports that)', () => {
    expect(cleanShutdownCheck(run({ sigterm: null, leftovers: null }), tmp())).toBeNull()
    expect(
      cleanShutdownCheck(
        run({ sigterm: { exitCode: null, signal: null, ms: 10_000, timedOut: true } }),
        tmp()
      )
    ).toBeNull()
  })

  it('finds a real live member of a process group, and none once it is gone', async () => {
    const child = spawn('sleep', ['30'], { detached: true, stdio: 'ignore' })
    const pid = child.pid as number
    try {
      expect(groupMembers(pid).join('\n')).toMatch(new RegExp(`^${pid} sleep 30`, 'm'))
    } finally {
      process.kill(-pid, 'SIGKILL')
    }
    await new Promise(resolve => child.once('exit', resolve))
    expect(groupMembers(pid)).toEqual([])
  })
})

describe('SHA256SUMS', () => {
  it('lists a onefile binary, and every file of a onedir folder, in sha256sum -c format', () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-sums-'))
    fs.writeFileSync(path.join(dist, 'svc'), 'binary')
    fs.mkdirSync(path.join(dist, 'app', '_internal'), { recursive: true })
    fs.writeFileSync(path.join(dist, 'app', 'app'), 'exe')
    fs.writeFileSync(path.join(dist, 'app', '_internal', 'libpython.so'), 'lib')
    const one = checksums(path.join(dist, 'svc'))
    expect(one).toMatch(/^[0-9a-f]{64} {2}svc\n$/)
    const dir = checksums(path.join(dist, 'app'))
    expect(
      dir
        .split('\n')
        .filter(Boolean)
        .map(l => l.slice(66))
    ).toEqual(['app/_internal/libpython.so', 'app/app'])
    fs.writeFileSync(path.join(dist, 'SHA256SUMS'), dir)
    // The real tool agrees.
    expect(
      execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dist, encoding: 'utf8' })
    ).toMatch(/app\/app: OK/)
  })
})
