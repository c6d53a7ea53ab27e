/**
 * Real Nuitka builds (Poetry, Nuitka, gcc, ccache when installed) of two tiny projects that read
 * their own version and entry points through importlib.metadata: one whose distribution is named
 * like its package (`ownmeta`), one whose name differs, with dots and dashes (`Acme.Dotted-Tool`,
 * package `dotted_tool`, read back as `acme-dotted-tool`). `poetry install` installs both
 * editable, which is what stopped Nuitka before ("including metadata ... without including
 * related package ''"). Then the extraction cache: a second build of the same name leaves at most
 * KEEP_EXTRACTIONS build folders, and never removes one a running process uses.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { run } from '../../src/main.js'
import { Input } from '../../src/inputs.js'
import type { Metrics } from '../../src/report/metrics.js'
import { KEEP_EXTRACTIONS } from '../../src/backends/nuitka/extraction-cache.js'
import { recordingHost } from '../../__fixtures__/host.js'
import { REPO, reader, stageProject } from './support.js'

const TIMEOUT = 30 * 60_000

/** Nuitka's compile caches outlive the run on this machine, as the Actions cache keeps them on a runner. */
function useCompileCaches(): void {
  process.env.NUITKA_CACHE_DIR ??= path.join(
    os.homedir(),
    '.cache',
    'poetry-binary-action',
    'nuitka-cache'
  )
  const ccache = process.env.PBA_CCACHE
  if (ccache && !(process.env.PATH ?? '').includes(path.dirname(ccache)))
    process.env.PATH = `${path.dirname(ccache)}${path.delimiter}${process.env.PATH ?? ''}`
}

async function build(project: string): Promise<{ metrics: Metrics; failures: string[] }> {
  const host = recordingHost()
  await run(
    host,
    reader({
      [Input.ProjectPath]: project,
      [Input.Backend]: 'nuitka',
      [Input.StartupRuns]: '2',
      [Input.Parity]: '--version\nlist',
      // Left out of the build; ownmeta imports it optionally (try/except ModuleNotFoundError).
      [Input.Excludes]: 'xmlrpc'
    })
  )
  const metrics = JSON.parse(
    fs.readFileSync(path.join(project, 'build', 'binary-action', 'metrics.json'), 'utf8')
  ) as Metrics
  return { metrics, failures: host.failures }
}

const cases = [
  { dir: 'nuitka-own-metadata-same', name: 'ownmeta', version: 'ownmeta 1.4.2' },
  { dir: 'nuitka-own-metadata-dotted', name: 'Acme.Dotted-Tool', version: 'dotted-tool 2.0.1' }
]

describe.each(cases)('backend: nuitka reads its own metadata ($name)', c => {
  let project: string
  let metrics: Metrics
  let failures: string[]

  beforeAll(async () => {
    useCompileCaches()
    project = stageProject(path.join(REPO, '__tests__', 'projects', c.dir), c.dir)
    ;({ metrics, failures } = await build(project))
  }, TIMEOUT)

  it('builds, and the binary prints its version and finds its entry-point plugin', () => {
    expect(failures).toEqual([])
    expect(metrics.verdict.passed).toBe(true)
    const env = { PATH: '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp' }
    const binary = metrics.binary.path
    expect(execFileSync(binary, ['--version'], { env, encoding: 'utf8' }).trim()).toBe(c.version)
    expect(execFileSync(binary, ['list'], { env, encoding: 'utf8' })).toBe(
      'plugins: hello\nhello: hello from a plugin\n'
    )
  })

  it("asks Nuitka for the project's own metadata and says what package-data added", () => {
    const args = fs
      .readdirSync(path.join(project, 'build', 'binary-action'))
      .find(f => f.endsWith('.nuitka-args.txt'))
    const text = fs.readFileSync(path.join(project, 'build', 'binary-action', args!), 'utf8')
    expect(text).toContain(`--include-distribution-metadata=${c.name}`)
    expect(metrics.packageData?.some(p => p.distribution === c.name && p.metadataBytes > 0)).toBe(
      true
    )
  })
})

describe('backend: nuitka prunes its extraction cache', () => {
  const project = () => path.join(REPO, '__tests__', '.work', 'nuitka-own-metadata-same')
  let holder: ChildProcess | undefined

  afterAll(() => {
    holder?.kill('SIGKILL')
  })

  it(
    'a second build leaves at most KEEP_EXTRACTIONS build folders, and keeps one in use',
    async () => {
      useCompileCaches()
      const first = await build(
        stageProject(path.join(REPO, '__tests__', 'projects', cases[0].dir), cases[0].dir)
      )
      const firstDir = first.metrics.startup.extraction?.dir
      expect(firstDir && fs.existsSync(firstDir)).toBe(true)
      const nameDir = path.dirname(firstDir!)
      // Earlier builds of the same name: older than the first build's folder, one held by a process.
      const old = ['0000000000a1', '0000000000a2', '0000000000a3', '0000000000a4']
      old.forEach((id, i) => {
        const dir = path.join(nameDir, id)
        fs.mkdirSync(dir, { recursive: true })
        const t = new Date(Date.now() - (i + 1) * 3600_000)
        fs.utimesSync(dir, t, t)
      })
      const held = path.join(nameDir, old[3])
      holder = spawn(process.execPath, ['-e', 'process.stdin.resume()'], {
        cwd: held,
        stdio: ['pipe', 'ignore', 'ignore']
      })
      // A source change makes a new build id, so the second build unpacks into a new folder.
      fs.appendFileSync(path.join(project(), 'src', 'ownmeta', '__init__.py'), '\n# second build\n')
      const second = await build(project())
      expect(second.failures).toEqual([])
      const secondDir = second.metrics.startup.extraction?.dir
      expect(secondDir).not.toBe(firstDir)
      const builds = fs.readdirSync(nameDir).filter(f => /^[0-9a-f]{12}$/.test(f))
      expect(builds).toContain(path.basename(secondDir!))
      expect(builds).toContain(old[3])
      expect(builds.filter(f => f !== old[3]).length).toBeLessThanOrEqual(KEEP_EXTRACTIONS)
      expect(builds).not.toContain(old[2])
    },
    TIMEOUT
  )
})
