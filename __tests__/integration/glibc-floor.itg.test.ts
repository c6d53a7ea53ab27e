/**
 * The glibc floor predicts where a binary runs, checked on a real older system: a Debian 11 root
 * (glibc 2.31) made with debootstrap (scripts/make-bullseye-root.sh, cached between runs), and the
 * binary run inside it with chroot. A floor above 2.31 must fail there with the GLIBC_ error; a
 * build that gets under it must run.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { beforeAll, describe, expect, it } from '@jest/globals'
import { run } from '../../src/main.js'
import { Input } from '../../src/inputs.js'
import { createContext } from '../../src/context.js'
import { makePlatform } from '../../src/platform.js'
import type { Metrics } from '../../src/report/metrics.js'
import { compareVersions, portability } from '../../src/validate/portability.js'
import { recordingHost, type RecordingHost } from '../../__fixtures__/host.js'
import { REPO, WORK, reader, stageProject } from './support.js'

const TIMEOUT = 15 * 60_000

/** Runs a file copied into the root with chroot; stdout+stderr and the exit status. */
function inRoot(
  root: string,
  file: string,
  args: string[]
): { status: number | null; output: string } {
  const name = `pba-${path.basename(file)}`
  fs.copyFileSync(file, path.join(root, 'tmp', name))
  fs.chmodSync(path.join(root, 'tmp', name), 0o755)
  const r = spawnSync('chroot', [root, `/tmp/${name}`, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/tmp', TMPDIR: '/tmp' }
  })
  return { status: r.status, output: `${r.stdout}${r.stderr}` }
}

describe('glibc floor against a real Debian 11 (glibc 2.31) root', () => {
  let root: string
  let host: RecordingHost
  let metrics: Metrics

  beforeAll(async () => {
    root = execFileSync('bash', [path.join(REPO, 'scripts', 'make-bullseye-root.sh')], {
      encoding: 'utf8',
      timeout: 10 * 60_000
    })
      .trim()
      .split('\n')
      .pop() as string
    const project = stageProject(path.join(REPO, 'examples', 'agent-runner'), 'agent-runner-glibc')
    host = recordingHost()
    await run(
      host,
      reader({
        [Input.ProjectPath]: project,
        [Input.Upx]: 'false',
        [Input.StartupRuns]: '2',
        [Input.MaxGlibc]: '2.31'
      })
    )
    metrics = JSON.parse(
      fs.readFileSync(path.join(project, 'build', 'binary-action', 'metrics.json'), 'utf8')
    ) as Metrics
    process.stdout.write(`glibc floor: ${JSON.stringify(metrics.glibcFloor)}\n`)
  }, TIMEOUT)

  it('reads a floor above 2.31 here (Debian 12 build host), set by a bundled library, not the launcher', () => {
    const floor = metrics.glibcFloor
    expect(floor).toBeTruthy()
    expect(compareVersions(floor!.version, '2.31')).toBeGreaterThan(0)
    expect(floor!.file).not.toBe('agent-runner')
  })

  it('fails the step on max-glibc: 2.31 with the file and the way out, after the report is out', () => {
    expect(host.failures).toHaveLength(1)
    expect(host.failures[0]).toMatch(
      new RegExp(
        `glibc floor ${metrics.glibcFloor!.version.replace('.', '\\.')} is above max-glibc 2\\.31: .*python:3\\.11-bullseye`
      )
    )
    expect(metrics.verdict.passed).toBe(false)
    // Everything else passed: the glibc floor is the only failure.
    expect(metrics.smoke.filter(s => !s.skipped).every(s => s.passed)).toBe(true)
  })

  it('the floor predicts the outcome: the binary dies in the 2.31 root with the GLIBC_ error', () => {
    const r = inRoot(root, metrics.binary.path, ['--version'])
    expect(r.status).not.toBe(0)
    const needed = [...r.output.matchAll(/version `GLIBC_([0-9.]+)' not found/g)].map(m => m[1])
    expect(needed.length).toBeGreaterThan(0)
    for (const v of needed) {
      expect(compareVersions(v, '2.31')).toBeGreaterThan(0)
      expect(compareVersions(v, metrics.glibcFloor!.version)).toBeLessThanOrEqual(0)
    }
  })

  it('both ways on real ELF files: a build under 2.31 runs there, one above it does not', async () => {
    const dir = fs.mkdtempSync(path.join(WORK, 'glibc-c-'))
    const src = path.join(dir, 'hello.c')
    fs.writeFileSync(
      src,
      '#include <stdio.h>\nint main(void){puts("hello from bullseye");return 0;}\n'
    )
    const old = path.join(dir, 'old', 'hello-old')
    const host236 = path.join(dir, 'new', 'hello-new')
    fs.mkdirSync(path.dirname(old))
    fs.mkdirSync(path.dirname(host236))
    // Linked against the root's own glibc 2.31 (its libc6-dev): the build that gets under it.
    execFileSync('gcc', [
      `--sysroot=${root}`,
      `-B${root}/usr/lib/x86_64-linux-gnu/`,
      '-o',
      old,
      src
    ])
    execFileSync('gcc', ['-o', host236, src])
    const ctx = createContext(recordingHost(), process.env, makePlatform('linux', 'x64'))
    const oldFloor = (await portability(old, undefined, ctx)).glibcFloor!
    const newFloor = (await portability(host236, undefined, ctx)).glibcFloor!
    expect(compareVersions(oldFloor.version, '2.31')).toBeLessThanOrEqual(0)
    expect(compareVersions(newFloor.version, '2.31')).toBeGreaterThan(0)
    expect(inRoot(root, old, [])).toEqual({ status: 0, output: 'hello from bullseye\n' })
    const failed = inRoot(root, host236, [])
    expect(failed.status).not.toBe(0)
    expect(failed.output).toContain(`GLIBC_${newFloor.version}' not found`)
  })
})
