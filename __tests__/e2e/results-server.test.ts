// Drives the real @actions/cache (v2) and @actions/artifact clients in-process against the loopback
// results service, so the e2e tier can trust it speaks the protocol the shipped action speaks.
import * as crypto from 'node:crypto'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals'
import * as cache from '@actions/cache'
import { DefaultArtifactClient } from '@actions/artifact'
import {
  ARTIFACT_SERVICE,
  CACHE_SERVICE,
  startResultsServer,
  type ResultsServer
} from './support/results-server.js'

jest.setTimeout(60_000)

const ENV_KEYS = [
  'ACTIONS_RESULTS_URL',
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_CACHE_SERVICE_V2',
  'ACTIONS_CACHE_URL',
  'ACTIONS_CACHE_MODE',
  'GITHUB_SERVER_URL',
  'GITHUB_WORKSPACE',
  'GITHUB_RETENTION_DAYS',
  'RUNNER_DEBUG'
]
const savedEnv: Record<string, string | undefined> = {}
let server: ResultsServer
let workspace: string

/** Run fn with stdout captured (workflow commands like ::warning:: land there). */
async function captured<T>(fn: () => Promise<T>): Promise<{ result: T; out: string }> {
  const chunks: string[] = []
  const spy = jest
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk: string | Uint8Array) => {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'))
      return true
    })
  try {
    const result = await fn()
    return { result, out: chunks.join('') }
  } finally {
    spy.mockRestore()
  }
}

/** The Twirp clients sleep 3 s, 4.5 s, 6.75 s… between attempts; shrink those sleeps (only) to 20 ms. */
async function withFastRetries<T>(fn: () => Promise<T>): Promise<T> {
  const g = globalThis as unknown as { setTimeout: (cb: () => void, ms?: number) => unknown }
  const real = g.setTimeout
  g.setTimeout = (cb, ms) => real(cb, ms !== undefined && ms >= 2500 && ms <= 60_000 ? 20 : ms)
  try {
    return await fn()
  } finally {
    g.setTimeout = real
  }
}

function makeTree(name: string, files: Record<string, string>): string {
  const dir = path.join(workspace, name)
  fs.rmSync(dir, { recursive: true, force: true })
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true })
    fs.writeFileSync(path.join(dir, rel), content)
  }
  return dir
}

const twirpUrl = (service: string, method: string): string =>
  `${server.url}twirp/${service}/${method}`

async function twirp(
  service: string,
  method: string,
  body: unknown,
  init: { token?: string | null; contentType?: string; raw?: string } = {}
): Promise<{ status: number; json: Record<string, unknown> }> {
  const headers: Record<string, string> = { 'Content-Type': init.contentType ?? 'application/json' }
  const token = init.token === undefined ? server.token : init.token
  if (token !== null) headers.Authorization = `Bearer ${token}`
  const res = await fetch(twirpUrl(service, method), {
    method: 'POST',
    headers,
    body: init.raw ?? JSON.stringify(body)
  })
  return { status: res.status, json: (await res.json()) as Record<string, unknown> }
}

beforeAll(async () => {
  for (const k of ENV_KEYS) savedEnv[k] = process.env[k]
  server = await startResultsServer()
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-results-'))
  for (const k of ENV_KEYS) delete process.env[k]
  Object.assign(process.env, server.env(), { GITHUB_WORKSPACE: workspace })
})

afterAll(async () => {
  await server.close()
  for (const k of ENV_KEYS) {
    if (savedEnv[k] === undefined) delete process.env[k]
    else process.env[k] = savedEnv[k]
  }
  fs.rmSync(workspace, { recursive: true, force: true })
})

afterEach(() => server.clearFaults())

describe('@actions/cache v2 against the loopback results service', () => {
  it('saves and restores a tree by exact key, over the real wire protocol', async () => {
    const dir = makeTree('exact', { 'a.txt': 'alpha', 'sub/b.bin': 'beta'.repeat(1000) })
    const before = server.state.requests.length
    const { result: id } = await captured(() => cache.saveCache([dir], 'exact-key-1'))
    expect(id).toBeGreaterThan(0)

    const reqs = server.state.requests.slice(before)
    expect(reqs.map(r => r.twirp ?? r.kind)).toEqual([
      'CreateCacheEntry',
      'blob-upload',
      'FinalizeCacheEntryUpload'
    ])
    expect(reqs.map(r => r.status)).toEqual([200, 201, 200])
    const create = reqs[0].body as Record<string, unknown>
    expect(Object.keys(create).sort()).toEqual(['key', 'version'])
    expect(create.version).toMatch(/^[0-9a-f]{64}$/)
    const finalize = reqs[2].body as Record<string, unknown>
    expect(typeof finalize.size_bytes).toBe('string') // int64 goes as a JSON string
    expect(Number(finalize.size_bytes)).toBe(reqs[1].bytes)
    expect(reqs[1].query).not.toMatch(/comp=/) // <128 MiB archives are one Put Blob

    fs.rmSync(dir, { recursive: true })
    const { result: hit } = await captured(() => cache.restoreCache([dir], 'exact-key-1'))
    expect(hit).toBe('exact-key-1')
    expect(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe('alpha')
    expect(fs.readFileSync(path.join(dir, 'sub/b.bin'), 'utf8')).toBe('beta'.repeat(1000))
    const lookup = server.state.requests.find(
      r => r.twirp === 'GetCacheEntryDownloadURL' && r.seq > reqs[2].seq
    )
    // an empty restore_keys list is omitted (protobuf-ts emitDefaultValues: false)
    expect(Object.keys(lookup?.body as object).sort()).toEqual(['key', 'version'])
  })

  it('matches restore-keys as prefixes, newest first, and misses cleanly', async () => {
    const dir = makeTree('prefix', { 'v.txt': 'old' })
    await captured(() => cache.saveCache([dir], 'deps-linux-aaa'))
    await new Promise(r => setTimeout(r, 5))
    makeTree('prefix', { 'v.txt': 'new' })
    await captured(() => cache.saveCache([dir], 'deps-linux-bbb'))

    fs.rmSync(dir, { recursive: true })
    const { result: hit, out } = await captured(() =>
      cache.restoreCache([dir], 'deps-linux-zzz', ['deps-mac-', 'deps-linux-'])
    )
    expect(hit).toBe('deps-linux-bbb')
    expect(out).toContain('Cache hit for restore-key: deps-linux-bbb')
    expect(fs.readFileSync(path.join(dir, 'v.txt'), 'utf8')).toBe('new')
    const lookup = server.requestsFor('GetCacheEntryDownloadURL').at(-1)
    expect((lookup?.body as Record<string, unknown>).restore_keys).toEqual([
      'deps-mac-',
      'deps-linux-'
    ])

    // Same key but other paths => other version => miss.
    const other = makeTree('prefix-other', { x: '1' })
    const miss = await captured(() => cache.restoreCache([other], 'deps-linux-bbb', ['deps-']))
    expect(miss.result).toBeUndefined()
    expect(miss.out).not.toContain('::warning::')
  })

  it('answers a second save of a committed key with 409 already_exists, which the client logs as info', async () => {
    const dir = makeTree('dup', { f: 'x' })
    await captured(() => cache.saveCache([dir], 'dup-key'))
    const { result, out } = await captured(() => cache.saveCache([dir], 'dup-key'))
    expect(result).toBe(-1)
    const create = server.requestsFor('CreateCacheEntry').at(-1)
    expect(create).toMatchObject({ status: 409, error: 'already_exists' })
    expect(out).toContain(
      'Failed to save: Unable to reserve cache with key dup-key, another job may be creating this cache.'
    )
    expect(out).not.toContain('::warning::')
  })

  it('retries a transient 500 and then succeeds (real backoff, one retry)', async () => {
    const dir = makeTree('transient', { f: 'y' })
    await captured(() => cache.saveCache([dir], 'transient-key'))
    server.setFault({ kind: 'status', code: 500, match: /GetCacheEntryDownloadURL/, times: 1 })
    const before = server.state.requests.length
    const { result, out } = await captured(() =>
      cache.restoreCache([dir], 'transient-key', [], { lookupOnly: true })
    )
    expect(result).toBe('transient-key')
    expect(out).toMatch(
      /Attempt 1 of 5 failed with error: Failed request: \(500\) Internal Server Error: injected fault/
    )
    const calls = server.state.requests
      .slice(before)
      .filter(r => r.twirp === 'GetCacheEntryDownloadURL')
    expect(calls.map(r => r.status)).toEqual([500, 200])
  })

  it('a persistent 500 never throws out of restoreCache/saveCache: a warning on restore, info on reserve, warning on finalize', async () => {
    const dir = makeTree('persistent', { f: 'z' })
    server.setFault({ kind: 'status', code: 500, match: /CacheService/ })
    const before = server.state.requests.length
    const restore = await withFastRetries(() => captured(() => cache.restoreCache([dir], 'p-key')))
    expect(restore.result).toBeUndefined()
    expect(restore.out).toMatch(
      /::warning::Failed to restore: Failed to GetCacheEntryDownloadURL: Failed to make request after 5 attempts/
    )
    expect(
      server.state.requests.slice(before).filter(r => r.twirp === 'GetCacheEntryDownloadURL')
    ).toHaveLength(5)

    const save = await withFastRetries(() => captured(() => cache.saveCache([dir], 'p-key')))
    expect(save.result).toBe(-1)
    // A failed CreateCacheEntry is rewrapped as ReserveCacheError and only logged with core.info.
    expect(save.out).toContain('Failed to save: Unable to reserve cache with key p-key')
    expect(save.out).not.toContain('::warning::')

    server.setFault({ kind: 'status', code: 500, match: /FinalizeCacheEntryUpload/ })
    const fin = await withFastRetries(() => captured(() => cache.saveCache([dir], 'p-key-2')))
    expect(fin.result).toBe(-1)
    expect(fin.out).toMatch(
      /::warning::Failed to save: Failed to FinalizeCacheEntryUpload: Failed to make request after 5 attempts/
    )
  })

  it('a garbage download makes restore warn and miss instead of extracting junk', async () => {
    const dir = makeTree('garbage', { 'keep.txt': 'original' })
    await captured(() => cache.saveCache([dir], 'garbage-key'))
    server.setFault({ kind: 'garbage-download' })
    const { result, out } = await captured(() => cache.restoreCache([dir], 'garbage-key'))
    expect(result).toBeUndefined()
    expect(out).toMatch(/::warning::Failed to restore: .*(tar|zstd)/i)
    expect(server.requestsFor(/actions-cache/).at(-1)).toMatchObject({
      kind: 'blob-download',
      status: 200,
      fault: 'garbage-download'
    })
  })

  it('denies reads and writes the way the service does when the token has no cache scopes', async () => {
    const dir = makeTree('denied', { f: 'd' })
    process.env.ACTIONS_RUNTIME_TOKEN = server.makeToken({ cacheScopes: [] })
    try {
      const save = await captured(() => cache.saveCache([dir], 'denied-key'))
      expect(save.result).toBe(-1)
      expect(save.out).toMatch(
        /::warning::Failed to save: Unable to reserve cache with key denied-key\. More details: cache write denied:/
      )
      const restore = await captured(() => cache.restoreCache([dir], 'denied-key'))
      expect(restore.result).toBeUndefined()
      expect(restore.out).toMatch(/::warning::Failed to restore: .*cache read denied:/)
      expect(server.requestsFor('GetCacheEntryDownloadURL').at(-1)).toMatchObject({
        status: 403,
        error: 'permission_denied'
      })
    } finally {
      process.env.ACTIONS_RUNTIME_TOKEN = server.token
    }
  })
})

describe('@actions/artifact against the loopback results service', () => {
  it('uploads (blocks + block list), lists and downloads an artifact of the same run', async () => {
    const root = makeTree('art', {
      'bin/tool': 'ELF-ish\n'.repeat(5000),
      'report.json': '{"ok":true}'
    })
    const client = new DefaultArtifactClient()
    const files = [path.join(root, 'bin/tool'), path.join(root, 'report.json')]
    const before = server.state.requests.length
    const up = await captured(() =>
      client.uploadArtifact('tool-linux-x64', files, root, { retentionDays: 3 })
    )
    expect(up.result.id).toBeGreaterThan(0)

    const reqs = server.state.requests.slice(before)
    const create = reqs.find(r => r.twirp === 'CreateArtifact')?.body as Record<string, unknown>
    expect(create).toMatchObject({
      workflow_run_backend_id: server.runBackendId,
      workflow_job_run_backend_id: server.jobBackendId,
      name: 'tool-linux-x64',
      version: 7,
      mime_type: 'application/zip' // StringValue wrapper goes as a bare string
    })
    expect(create.expires_at).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/)
    const uploads = reqs.filter(r => r.kind === 'blob-upload')
    expect(uploads.some(r => /comp=block&/.test(r.query) || /comp=block$/.test(r.query))).toBe(true)
    expect(uploads.at(-1)?.query).toMatch(/comp=blocklist/)
    const fin = reqs.find(r => r.twirp === 'FinalizeArtifact')?.body as Record<string, unknown>
    const zip = server.getArtifactZip('tool-linux-x64')
    expect(fin.size).toBe(String(zip.length))
    expect(fin.hash).toBe(`sha256:${crypto.createHash('sha256').update(zip).digest('hex')}`)
    expect(zip.subarray(0, 2).toString('latin1')).toBe('PK')
    expect(up.result.digest).toBe(crypto.createHash('sha256').update(zip).digest('hex'))

    const list = await captured(() => client.listArtifacts())
    expect(list.result.artifacts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'tool-linux-x64',
          id: up.result.id,
          size: zip.length,
          digest: `sha256:${up.result.digest}`
        })
      ])
    )

    const dest = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-dl-'))
    const dl = await captured(() => client.downloadArtifact(up.result.id as number, { path: dest }))
    expect(dl.result.downloadPath).toBe(dest)
    expect(fs.readFileSync(path.join(dest, 'bin/tool'), 'utf8')).toBe('ELF-ish\n'.repeat(5000))
    expect(fs.readFileSync(path.join(dest, 'report.json'), 'utf8')).toBe('{"ok":true}')
    fs.rmSync(dest, { recursive: true })
  })

  it('refuses a second artifact with the same name in the run (409, non-retryable)', async () => {
    const root = makeTree('art2', { 'a.txt': 'a' })
    const client = new DefaultArtifactClient()
    await captured(() => client.uploadArtifact('dupe', [path.join(root, 'a.txt')], root))
    await expect(
      captured(() => client.uploadArtifact('dupe', [path.join(root, 'a.txt')], root))
    ).rejects.toThrow(
      /Failed to CreateArtifact: Received non-retryable error: Failed request: \(409\) Conflict: an artifact with this name already exists/
    )
  })
})

describe('protocol strictness (raw requests)', () => {
  const ids = (): Record<string, string> => ({
    workflow_run_backend_id: server.runBackendId,
    workflow_job_run_backend_id: server.jobBackendId
  })

  it('answers malformed or unknown input with Twirp errors and the matching HTTP status', async () => {
    const v = 'a'.repeat(64)
    expect(
      await twirp('github.actions.results.api.v1.CacheService', 'CreateCacheEntry', {
        key: 'k',
        version: v,
        bogus: 1
      })
    ).toEqual({
      status: 400,
      json: expect.objectContaining({
        code: 'invalid_argument',
        msg: expect.stringContaining('bogus')
      })
    })
    expect(
      (await twirp(CACHE_SERVICE, 'CreateCacheEntry', { key: 'k', version: v, sizeBytes: '1' }))
        .status
    ).toBe(400)
    expect((await twirp(CACHE_SERVICE, 'CreateCacheEntry', { version: v })).json).toMatchObject({
      code: 'invalid_argument',
      meta: { argument: 'key' }
    })
    expect(
      (
        await twirp(CACHE_SERVICE, 'FinalizeCacheEntryUpload', {
          key: 'k',
          version: v,
          size_bytes: 'ten'
        })
      ).status
    ).toBe(400)
    expect(
      (await twirp(CACHE_SERVICE, 'CreateCacheEntry', null, { raw: '{"key":' })).json
    ).toMatchObject({ code: 'malformed' })
    expect(
      await twirp(CACHE_SERVICE, 'CreateCacheEntry', { key: 'k', version: v }, { token: null })
    ).toMatchObject({
      status: 401,
      json: { code: 'unauthenticated' }
    })
    expect(
      (
        await twirp(
          CACHE_SERVICE,
          'CreateCacheEntry',
          { key: 'k', version: v },
          { token: server.makeToken({ expiresIn: -10 }) }
        )
      ).status
    ).toBe(401)
    expect(
      (
        await twirp(
          CACHE_SERVICE,
          'CreateCacheEntry',
          { key: 'k', version: v },
          { token: server.makeToken({ scp: 'Actions.Other' }) }
        )
      ).status
    ).toBe(401)
    expect(
      await twirp(
        CACHE_SERVICE,
        'CreateCacheEntry',
        { key: 'k', version: v },
        { contentType: 'text/plain' }
      )
    ).toMatchObject({
      status: 404,
      json: { code: 'bad_route' }
    })
    expect((await twirp(CACHE_SERVICE, 'NoSuchMethod', {})).json).toMatchObject({
      code: 'bad_route'
    })

    expect(
      (await twirp(ARTIFACT_SERVICE, 'CreateArtifact', { ...ids(), name: 'n', version: 4 })).json
    ).toMatchObject({
      code: 'invalid_argument',
      meta: { argument: 'version' }
    })
    expect(
      await twirp(ARTIFACT_SERVICE, 'CreateArtifact', {
        ...ids(),
        workflow_job_run_backend_id: 'someone-else',
        name: 'n',
        version: 7
      })
    ).toMatchObject({ status: 403, json: { code: 'permission_denied' } })
    expect(
      (
        await twirp(ARTIFACT_SERVICE, 'FinalizeArtifact', {
          ...ids(),
          name: 'never-created',
          size: '1'
        })
      ).status
    ).toBe(404)
    expect(
      (await twirp(ARTIFACT_SERVICE, 'ListArtifacts', { ...ids(), id_filter: '999999' })).json
    ).toEqual({ artifacts: [] })
  })

  it('guards signed blob URLs and supports ranged reads', async () => {
    const entry = server.seedCache({ key: 'raw', version: 'v', data: Buffer.from('0123456789') })
    const url = server.signBlobUrl(entry.blobPath, 'r')
    const ranged = await fetch(url, { headers: { Range: 'bytes=2-5' } })
    expect(ranged.status).toBe(206)
    expect(ranged.headers.get('content-range')).toBe('bytes 2-5/10')
    expect(await ranged.text()).toBe('2345')

    const tampered = url.replace(/sig=[^&]+/, 'sig=AAAA')
    const denied = await fetch(tampered)
    expect(denied.status).toBe(403)
    expect(denied.headers.get('x-ms-error-code')).toBe('AuthenticationFailed')
    expect(
      (await fetch(url, { method: 'PUT', body: 'x', headers: { 'x-ms-blob-type': 'BlockBlob' } }))
        .status
    ).toBe(403)

    const w = server.signBlobUrl('/devstoreaccount1/actions-cache/rawput', 'cw')
    expect((await fetch(w, { method: 'PUT', body: 'x' })).headers.get('x-ms-error-code')).toBe(
      'MissingRequiredHeader'
    )
    const put = await fetch(w, {
      method: 'PUT',
      body: 'hello',
      headers: { 'x-ms-blob-type': 'BlockBlob' }
    })
    expect(put.status).toBe(201)
    expect(put.headers.get('etag')).toBeTruthy()
    expect(put.headers.get('content-md5')).toBe(
      crypto.createHash('md5').update('hello').digest('base64')
    )
  })

  it('close() ends hung requests and always resolves', async () => {
    const s = await startResultsServer()
    s.setFault({ kind: 'hang', match: /CacheService/ })
    const pending = fetch(`${s.url}twirp/${CACHE_SERVICE}/GetCacheEntryDownloadURL`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${s.token}` },
      body: '{"key":"k","version":"v"}'
    })
    while (s.state.requests.length === 0) await new Promise(r => setTimeout(r, 10))
    const t0 = Date.now()
    await s.close()
    expect(Date.now() - t0).toBeLessThan(2000)
    await expect(pending).rejects.toThrow()
    expect(s.state.requests[0].fault).toBe('hang')
    expect(s.state.requests[0].status).toBeUndefined()
  })
})
