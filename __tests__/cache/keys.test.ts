import { describe, expect, it } from '@jest/globals'
import { buildKey, toolsKey, venvKey, type KeyFacts } from '../../src/cache/keys.js'
import { isForkPullRequest, withTimeout } from '../../src/cache/index.js'

const facts: KeyFacts = {
  os: 'linux',
  arch: 'x64',
  python: '3.11.7',
  poetry: '2.5.1',
  builder: 'pyi6.22.3',
  upx: '4.2.4',
  lockHash: 'abc123'
}

describe('cache keys', () => {
  it('keys the venv by OS, arch, Python, Poetry, PyInstaller and lock, falling back within the toolchain', () => {
    expect(venvKey(facts)).toEqual({
      key: 'pba-v1-venv-linux-x64-py3.11.7-poetry2.5.1-pyi6.22.3-abc123',
      restoreKeys: ['pba-v1-venv-linux-x64-py3.11.7-poetry2.5.1-pyi6.22.3-']
    })
    expect(venvKey({ ...facts, lockHash: 'def' }).key).not.toBe(venvKey(facts).key)
    expect(venvKey({ ...facts, os: 'windows' }).restoreKeys[0]).not.toBe(
      venvKey(facts).restoreKeys[0]
    )
  })

  it('keys tools exactly, with no fallback', () => {
    expect(toolsKey(facts, '4.2.4')).toEqual({
      key: 'pba-v1-tools-linux-x64-py3.11.7-poetry2.5.1-upx4.2.4',
      restoreKeys: []
    })
    expect(toolsKey(facts, null).key).toBe('pba-v1-tools-linux-x64-py3.11.7-poetry2.5.1-upxnone')
  })

  it('keys the build by spec and lock, falling back to the same spec, then the same tools', () => {
    const k = buildKey(facts, 'spec9')
    expect(k.key).toBe('pba-v1-build-linux-x64-py3.11.7-pyi6.22.3-upx4.2.4-spec9-abc123')
    expect(k.restoreKeys).toEqual([
      'pba-v1-build-linux-x64-py3.11.7-pyi6.22.3-upx4.2.4-spec9-',
      'pba-v1-build-linux-x64-py3.11.7-pyi6.22.3-upx4.2.4-'
    ])
    for (const key of [k.key, venvKey(facts).key, toolsKey(facts, '4.2.4').key]) {
      expect(key.length).toBeLessThan(512)
      expect(key).not.toMatch(/,/)
    }
  })
})

describe('cache helpers', () => {
  it('recognises pull requests from forks', () => {
    const pr = (head: string, base: string) => ({
      pull_request: { head: { repo: { full_name: head } }, base: { repo: { full_name: base } } }
    })
    expect(isForkPullRequest(pr('someone/agent-runner', 'octo/agent-runner'))).toBe(true)
    expect(isForkPullRequest(pr('octo/agent-runner', 'octo/agent-runner'))).toBe(false)
    expect(isForkPullRequest({ ref: 'refs/heads/main' })).toBe(false)
    expect(isForkPullRequest(undefined)).toBe(false)
  })

  it('abandons an operation that outlives its time limit', async () => {
    const never = new Promise<string>(() => undefined)
    await expect(withTimeout(never, 20, 'Restoring the venv cache')).rejects.toThrow(
      'Restoring the venv cache timed out after 20 ms'
    )
    await expect(withTimeout(Promise.resolve('ok'), 1000, 'x')).resolves.toBe('ok')
  })
})
