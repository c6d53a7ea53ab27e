// The action's own release logic, run for real: the major-tag move against a local git repository
// (with a bare repository as its remote), the changelog CLI the workflow calls, and actionlint on
// every workflow.
import { execFileSync, spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { REPO } from './support.js'

const MOVE = path.join(REPO, 'scripts', 'release', 'move-major-tag.sh')
const SECTION = path.join(REPO, 'scripts', 'release', 'changelog-section.mjs')

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1'
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8' }).trim()
}

/** A repository with a bare "origin", one commit per release; returns its folder. */
function repoWithOrigin(): { work: string; origin: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-release-'))
  const origin = path.join(root, 'origin.git')
  const work = path.join(root, 'work')
  git(root, 'init', '--quiet', '--bare', origin)
  git(root, 'init', '--quiet', '-b', 'main', work)
  git(work, 'remote', 'add', 'origin', origin)
  return { work, origin }
}

/** Commits, tags `tag` (annotated, as releases are) and runs the script as the workflow does. */
function release(work: string, tag: string): { commit: string; stderr: string } {
  fs.writeFileSync(path.join(work, 'VERSION'), `${tag}\n`)
  git(work, 'add', 'VERSION')
  git(work, 'commit', '--quiet', '-m', `release ${tag}`)
  git(work, 'tag', '-a', tag, '-m', tag)
  const r = spawnSync('bash', [MOVE, tag, 'origin'], { cwd: work, env: GIT_ENV, encoding: 'utf8' })
  expect([tag, r.status]).toEqual([tag, 0])
  return { commit: git(work, 'rev-parse', 'HEAD'), stderr: r.stderr }
}

const at = (repo: string, ref: string) => git(repo, 'rev-parse', `refs/tags/${ref}^{commit}`)

describe('move-major-tag.sh', () => {
  it('creates v1 at v1.2.3, moves it to v1.2.4, creates v2 at v2.0.0 and leaves v1', () => {
    const { work, origin } = repoWithOrigin()
    const first = release(work, 'v1.2.3')
    expect(at(work, 'v1')).toBe(first.commit)
    expect(at(origin, 'v1')).toBe(first.commit)
    expect(first.stderr).toContain('v1 created')

    const second = release(work, 'v1.2.4')
    expect(at(work, 'v1')).toBe(second.commit)
    expect(at(origin, 'v1')).toBe(second.commit)
    expect(second.stderr).toContain('v1 moved')

    const major = release(work, 'v2.0.0')
    expect(at(origin, 'v2')).toBe(major.commit)
    expect(at(origin, 'v1')).toBe(second.commit)
  })

  it('leaves the major tag on the newest release when an older one (a backport) is tagged', () => {
    const { work, origin } = repoWithOrigin()
    release(work, 'v1.9.0')
    const newest = release(work, 'v1.10.0')
    const backport = release(work, 'v1.9.1')
    expect(backport.stderr).toContain('v1.9.1 is older than v1.10.0')
    expect(at(origin, 'v1')).toBe(newest.commit)
  })

  it('refuses a tag that is not vX.Y.Z', () => {
    const { work } = repoWithOrigin()
    const r = spawnSync('bash', [MOVE, 'v1.2'], { cwd: work, env: GIT_ENV, encoding: 'utf8' })
    expect(r.status).toBe(1)
    expect(r.stderr.trim()).toBe("error: 'v1.2' is not a release tag vX.Y.Z")
  })
})

describe('changelog-section.mjs (as the release workflow runs it)', () => {
  it("prints the tagged version's notes, and fails with one line for a version without any", () => {
    const ok = spawnSync('node', [SECTION, path.join(REPO, 'CHANGELOG.md'), 'v1.0.0'], {
      encoding: 'utf8'
    })
    expect(ok.status).toBe(0)
    expect(ok.stdout).toMatch(/^### Added\n/)
    expect(ok.stdout).not.toContain('## [')
    const missing = spawnSync('node', [SECTION, path.join(REPO, 'CHANGELOG.md'), 'v9.9.9'], {
      encoding: 'utf8'
    })
    expect(missing.status).toBe(1)
    expect(missing.stderr.trim().split('\n')).toEqual([
      `error: ${path.join(REPO, 'CHANGELOG.md')} has no entries under "## [9.9.9]"; add them before tagging v9.9.9`
    ])
  })
})

/** actionlint from scripts/install-actionlint.sh (go install, cached), or why it cannot be had. */
function actionlint(): { path?: string; reason?: string } {
  if (process.env.PBA_ACTIONLINT) return { path: process.env.PBA_ACTIONLINT }
  const r = spawnSync('bash', [path.join(REPO, 'scripts', 'install-actionlint.sh')], {
    encoding: 'utf8'
  })
  if (r.status !== 0) return { reason: r.stderr.trim().split('\n').pop() }
  return { path: r.stdout.trim().split('\n').pop() }
}

const lint = actionlint()
const withActionlint = lint.path ? it : it.skip
if (!lint.path)
  console.warn(`actionlint test skipped: the binary cannot be had (${lint.reason ?? 'unknown'})`)

describe('workflows', () => {
  withActionlint('every workflow in .github/workflows passes actionlint', () => {
    const dir = path.join(REPO, '.github', 'workflows')
    const files = fs.readdirSync(dir).filter(f => /\.ya?ml$/.test(f))
    expect(files).toContain('release.yml')
    const r = spawnSync(
      lint.path ?? '',
      files.map(f => path.join(dir, f)),
      {
        cwd: REPO,
        encoding: 'utf8'
      }
    )
    expect(r.stdout + r.stderr).toBe('')
    expect(r.status).toBe(0)
  })
})
