// A loopback stand-in for the GitHub Actions "results service" (cache v2 + artifacts v4+) and the
// Azure blob storage its signed URLs point at. It speaks the wire protocol the real clients
// (@actions/cache 6.x, @actions/artifact 6.x, @azure/storage-blob 12.x) speak, and is stricter than
// the real thing where that catches client drift:
//  - Twirp JSON: POST /twirp/github.actions.results.api.v1.{CacheService,ArtifactService}/<Method>,
//    Content-Type application/json, proto field names (snake_case), protojson value rules
//    (int64 as string or integer, wrappers unwrapped, Timestamp as RFC 3339). Unknown fields are
//    rejected (stock Twirp servers discard them; `strictUnknownFields: false` does the same here).
//  - Errors as Twirp error JSON {code, msg, meta} with Twirp's HTTP status for the code.
//  - Auth: `Authorization: Bearer <JWT>`; the JWT is decoded (never verified, like the clients do),
//    `exp` is honoured, `scp` must carry `Actions.Results:<run>:<job>`, and the `ac` claim (JSON list
//    of {Scope, Permission}, Permission bits 1=read 2=write) gives the cache scopes.
//  - Blobs: Azure "Put Blob" (x-ms-blob-type: BlockBlob), "Put Block" (?comp=block&blockid=) and
//    "Put Block List" (?comp=blocklist, XML) answer 201 with the headers Azure sends; GET/HEAD with
//    Range support. Signed URLs carry an HMAC `sig` bound to path, permission and expiry.
// Everything is bounded: bodies are capped, and close() destroys every socket (even hung ones).
import * as crypto from 'node:crypto'
import * as http from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

export const CACHE_SERVICE = 'github.actions.results.api.v1.CacheService'
export const ARTIFACT_SERVICE = 'github.actions.results.api.v1.ArtifactService'
const ACCOUNT = 'devstoreaccount1'
const CACHE_CONTAINER = 'actions-cache'
const ARTIFACT_CONTAINER = 'actions-results'
const DEFAULT_AZURE_VERSION = '2025-11-05'

// ---------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------

export type TwirpCode =
  | 'canceled'
  | 'unknown'
  | 'invalid_argument'
  | 'malformed'
  | 'deadline_exceeded'
  | 'not_found'
  | 'bad_route'
  | 'already_exists'
  | 'permission_denied'
  | 'unauthenticated'
  | 'resource_exhausted'
  | 'failed_precondition'
  | 'aborted'
  | 'out_of_range'
  | 'unimplemented'
  | 'internal'
  | 'unavailable'
  | 'data_loss'

/** HTTP status Twirp uses for each error code. */
export const TWIRP_HTTP_STATUS: Record<TwirpCode, number> = {
  canceled: 408,
  unknown: 500,
  invalid_argument: 400,
  malformed: 400,
  deadline_exceeded: 408,
  not_found: 404,
  bad_route: 404,
  already_exists: 409,
  permission_denied: 403,
  unauthenticated: 401,
  resource_exhausted: 429,
  failed_precondition: 412,
  aborted: 409,
  out_of_range: 400,
  unimplemented: 501,
  internal: 500,
  unavailable: 503,
  data_loss: 500
}

export type RequestKind = 'twirp' | 'blob-upload' | 'blob-download' | 'other'

export interface LoggedRequest {
  seq: number
  method: string
  /** URL path, e.g. /twirp/github.actions.results.api.v1.CacheService/CreateCacheEntry */
  path: string
  /** Raw query string without '?', '' when none. */
  query: string
  kind: RequestKind
  /** 'CacheService' | 'ArtifactService' for Twirp calls. */
  service?: string
  /** Twirp method name, e.g. 'CreateCacheEntry'. */
  twirp?: string
  /** Parsed JSON request body of a Twirp call (as sent). */
  body?: unknown
  /** Request body size in bytes (blob uploads). */
  bytes?: number
  /** HTTP status answered; undefined while pending or when the request was hung/reset. */
  status?: number
  /** Twirp error code or Azure error code when the answer was an error. */
  error?: string
  /** Error message when the answer was an error. */
  message?: string
  /** Fault applied to this request, if any. */
  fault?: Fault['kind']
}

export type Matcher = RegExp | string | ((r: LoggedRequest) => boolean)

interface FaultBase {
  /** Which requests: tested against `${METHOD} ${path}` (string = substring). Default: all. */
  match?: Matcher
  /** How many matching requests to affect (default: unlimited). */
  times?: number
}
export type Fault = FaultBase &
  (
    | { kind: 'status'; code: number; msg?: string }
    | { kind: 'hang' }
    | { kind: 'reset' }
    | { kind: 'delay'; ms: number }
    | { kind: 'garbage-download' }
    | { kind: 'truncate-download' }
  )

export interface CacheScope {
  scope: string
  /** Bit mask: 1 = read, 2 = write. */
  permission: number
}

export interface CacheEntry {
  id: number
  key: string
  version: string
  scope: string
  blobPath: string
  committed: boolean
  sizeBytes?: number
  createdAt: Date
  committedAt?: Date
}

export interface ArtifactRecord {
  id: number
  runBackendId: string
  jobBackendId: string
  name: string
  version: number
  mimeType?: string
  expiresAt?: Date
  blobPath: string
  finalized: boolean
  deleted: boolean
  size?: number
  /** 'sha256:<hex>' of the uploaded bytes, as sent in FinalizeArtifact. */
  digest?: string
  createdAt: Date
}

export interface BlobRecord {
  path: string
  /** Committed content; undefined until Put Blob / Put Block List. */
  data?: Buffer
  contentType?: string
  /** base64 MD5 of the whole blob when Azure would know it. */
  contentMd5?: string
  /** Uncommitted blocks by (base64) block id. */
  uncommitted: Map<string, Buffer>
  /** Committed block list (ids in order) after Put Block List. */
  committedBlocks: { id: string; data: Buffer }[]
  etag: string
  lastModified: Date
  createdAt: Date
}

export interface ServerState {
  requests: LoggedRequest[]
  caches: CacheEntry[]
  artifacts: ArtifactRecord[]
  blobs: Map<string, BlobRecord>
  faults: Fault[]
}

export interface ResultsServerOptions {
  /** Backend ids the default token carries. Random UUIDs by default. */
  runBackendId?: string
  jobBackendId?: string
  /** Cache scopes for the default token's `ac` claim. Default: [{refs/heads/main, read+write}]. */
  cacheScopes?: CacheScope[]
  /** Reject fields the proto doesn't define (and camelCase JSON names). Default true. */
  strictUnknownFields?: boolean
  /** Accepted CreateArtifact `version`s. Default [7]. */
  artifactVersions?: number[]
  /** Cap on one blob request body (Azure limits Put Blob to 5000 MiB; we default to 512 MiB). */
  maxBlobBytes?: number
  /** Lifetime of signed URLs. Default 3600 s. */
  signedUrlTtlSeconds?: number
  /** Log every request to stderr. */
  verbose?: boolean
}

export interface TokenOptions {
  runBackendId?: string
  jobBackendId?: string
  cacheScopes?: CacheScope[]
  /** Seconds from now; negative makes an expired token. Default 6 h. */
  expiresIn?: number
  /** Extra space-separated scopes added to `scp`. */
  extraScopes?: string[]
  /** Replace the whole scp claim (to build broken tokens). */
  scp?: string
}

export interface ResultsServer {
  /** ACTIONS_RESULTS_URL: http://127.0.0.1:<port>/ */
  url: string
  port: number
  runBackendId: string
  jobBackendId: string
  /** A valid ACTIONS_RUNTIME_TOKEN for runBackendId/jobBackendId with the configured cache scopes. */
  token: string
  state: ServerState
  /** Build another runtime token (other job, other scopes, expired…). */
  makeToken(opts?: TokenOptions): string
  /** Env a runner gives a step so @actions/cache (v2) and @actions/artifact use this server. */
  env(token?: string): Record<string, string>
  /** Replace all faults (none when called without arguments or with null). */
  setFault(fault?: Fault | Fault[] | null): void
  addFault(fault: Fault): void
  clearFaults(): void
  /** Requests whose Twirp method (or, if none, path) matches. */
  requestsFor(match: Matcher): LoggedRequest[]
  /** Latest finalized, non-deleted artifact zip by name (throws when there is none). */
  getArtifactZip(name: string): Buffer
  /** Content of the committed cache entry (newest) for key, or undefined. */
  getCacheBlob(key: string, version?: string): Buffer | undefined
  /** Put a committed cache entry straight into the store. */
  seedCache(entry: {
    key: string
    version: string
    data: Buffer
    scope?: string
    createdAt?: Date
  }): CacheEntry
  /** Sign a blob path the way the service does (for raw-protocol tests). */
  signBlobUrl(blobPath: string, permission: string, extra?: Record<string, string>): string
  close(): Promise<void>
}

// ---------------------------------------------------------------------------------------------
// JWT helpers
// ---------------------------------------------------------------------------------------------

const b64url = (v: Buffer | string): string => Buffer.from(v).toString('base64url')

/** An unsigned-for-real (HS256 over a throwaway key) runtime token like the runner's. */
export function makeRuntimeToken(
  opts: TokenOptions & { runBackendId: string; jobBackendId: string }
): string {
  const now = Math.floor(Date.now() / 1000)
  const scopes = opts.cacheScopes ?? [{ scope: 'refs/heads/main', permission: 3 }]
  const payload = {
    nameid: 'dddddddd-dddd-dddd-dddd-dddddddddddd',
    scp:
      opts.scp ??
      [
        'Actions.ExampleScope',
        `Actions.Results:${opts.runBackendId}:${opts.jobBackendId}`,
        ...(opts.extraScopes ?? [])
      ].join(' '),
    // The runner's token carries cache scopes as a JSON *string*.
    ac: JSON.stringify(scopes.map(s => ({ Scope: s.scope, Permission: s.permission }))),
    iss: 'vstoken.actions.githubusercontent.com',
    aud: 'vso:loopback',
    nbf: now - 60,
    iat: now - 60,
    exp: now + (opts.expiresIn ?? 6 * 3600)
  }
  const head = b64url(JSON.stringify({ typ: 'JWT', alg: 'HS256' }))
  const body = b64url(JSON.stringify(payload))
  const sig = crypto
    .createHmac('sha256', 'loopback-results-server')
    .update(`${head}.${body}`)
    .digest('base64url')
  return `${head}.${body}.${sig}`
}

interface TokenClaims {
  runBackendId: string
  jobBackendId: string
  cacheScopes: CacheScope[]
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

class TwirpError extends Error {
  constructor(
    readonly code: TwirpCode,
    msg: string,
    readonly meta?: Record<string, string>
  ) {
    super(msg)
  }
}

class AzureError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    msg: string
  ) {
    super(msg)
  }
}

class BodyTooLarge extends Error {}

function codeForStatus(status: number): TwirpCode {
  const map: Record<number, TwirpCode> = {
    400: 'invalid_argument',
    401: 'unauthenticated',
    403: 'permission_denied',
    404: 'not_found',
    408: 'deadline_exceeded',
    409: 'already_exists',
    412: 'failed_precondition',
    429: 'resource_exhausted',
    501: 'unimplemented',
    503: 'unavailable',
    504: 'deadline_exceeded'
  }
  return map[status] ?? 'internal'
}

// ---------------------------------------------------------------------------------------------
// protojson-style request decoding against the generated protos' field lists
// ---------------------------------------------------------------------------------------------

type Scalar = 'string' | 'int64' | 'int32' | 'bool' | 'timestamp' | 'StringValue' | 'Int64Value'
type Field = Scalar | { repeated: Scalar | Schema } | { message: Schema }
interface Schema {
  [name: string]: Field
}
type Decoded = { [name: string]: unknown }

const CacheScopeSchema: Schema = { scope: 'string', permission: 'int64' }
const CacheMetadataSchema: Schema = {
  repository_id: 'int64',
  scope: { repeated: CacheScopeSchema }
}
const IDS: Schema = { workflow_run_backend_id: 'string', workflow_job_run_backend_id: 'string' }

const SCHEMAS: Record<string, Record<string, Schema>> = {
  CacheService: {
    CreateCacheEntry: {
      metadata: { message: CacheMetadataSchema },
      key: 'string',
      version: 'string'
    },
    FinalizeCacheEntryUpload: {
      metadata: { message: CacheMetadataSchema },
      key: 'string',
      size_bytes: 'int64',
      version: 'string'
    },
    GetCacheEntryDownloadURL: {
      metadata: { message: CacheMetadataSchema },
      key: 'string',
      restore_keys: { repeated: 'string' },
      version: 'string'
    }
  },
  ArtifactService: {
    CreateArtifact: {
      ...IDS,
      name: 'string',
      expires_at: 'timestamp',
      version: 'int32',
      mime_type: 'StringValue'
    },
    FinalizeArtifact: { ...IDS, name: 'string', size: 'int64', hash: 'StringValue' },
    ListArtifacts: { ...IDS, name_filter: 'StringValue', id_filter: 'Int64Value' },
    GetSignedArtifactURL: { ...IDS, name: 'string' },
    DeleteArtifact: { ...IDS, name: 'string' }
  }
}

const camel = (s: string): string => s.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase())
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/

function bad(field: string, msg: string): TwirpError {
  return new TwirpError('invalid_argument', `${field} ${msg}`, { argument: field })
}

function decodeScalar(type: Scalar, v: unknown, field: string): unknown {
  switch (type) {
    case 'string':
    case 'StringValue':
      if (typeof v !== 'string') throw bad(field, 'must be a JSON string')
      return v
    case 'bool':
      if (typeof v !== 'boolean') throw bad(field, 'must be a JSON boolean')
      return v
    case 'int64':
    case 'Int64Value':
      // protojson: int64 is a decimal string (what protobuf-ts emits) or an integral number.
      if (typeof v === 'string' && /^-?\d+$/.test(v)) return BigInt(v)
      if (typeof v === 'number' && Number.isSafeInteger(v)) return BigInt(v)
      throw bad(field, `must be an int64 (decimal string), got ${JSON.stringify(v)}`)
    case 'int32': {
      const n = typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v
      if (typeof n !== 'number' || !Number.isInteger(n) || n < -(2 ** 31) || n >= 2 ** 31)
        throw bad(field, `must be an int32, got ${JSON.stringify(v)}`)
      return n
    }
    case 'timestamp': {
      if (typeof v !== 'string' || !RFC3339.test(v) || Number.isNaN(Date.parse(v)))
        throw bad(field, `must be an RFC 3339 timestamp, got ${JSON.stringify(v)}`)
      return new Date(v)
    }
  }
}

function decodeMessage(schema: Schema, v: unknown, path: string, strict: boolean): Decoded {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw bad(path || 'body', 'must be a JSON object')
  const out: Decoded = {}
  for (const [name, raw] of Object.entries(v as Record<string, unknown>)) {
    let fieldName = name
    let field = schema[name]
    if (field === undefined) {
      const alias = Object.keys(schema).find(k => camel(k) === name && k !== name)
      if (alias !== undefined && !strict) {
        fieldName = alias
        field = schema[alias]
      } else if (alias !== undefined) {
        throw bad(`${path}${name}`, `is not the proto field name (the toolkit sends "${alias}")`)
      } else if (strict) {
        throw bad(`${path}${name}`, 'is not a field of this message')
      } else continue
    }
    const full = `${path}${fieldName}`
    if (raw === null || field === undefined) continue // protojson: null means "default"
    if (typeof field === 'string') out[fieldName] = decodeScalar(field, raw, full)
    else if ('message' in field)
      out[fieldName] = decodeMessage(field.message, raw, `${full}.`, strict)
    else {
      if (!Array.isArray(raw)) throw bad(full, 'must be a JSON array')
      const item = field.repeated
      out[fieldName] = raw.map((x, i) =>
        typeof item === 'string'
          ? decodeScalar(item, x, `${full}[${i}]`)
          : decodeMessage(item, x, `${full}[${i}].`, strict)
      )
    }
  }
  return out
}

const str = (d: Decoded, k: string): string => (typeof d[k] === 'string' ? (d[k] as string) : '')
const i64 = (d: Decoded, k: string): bigint | undefined =>
  typeof d[k] === 'bigint' ? (d[k] as bigint) : undefined
function required(d: Decoded, ...keys: string[]): void {
  for (const k of keys) if (str(d, k) === '') throw bad(k, 'is required')
}

// ---------------------------------------------------------------------------------------------
// The server
// ---------------------------------------------------------------------------------------------

const ARTIFACT_NAME_FORBIDDEN = ['"', ':', '<', '>', '|', '*', '?', '\r', '\n', '\\', '/']

class Server implements ResultsServer {
  url = ''
  port = 0
  readonly runBackendId: string
  readonly jobBackendId: string
  token = ''
  readonly state: ServerState = {
    requests: [],
    caches: [],
    artifacts: [],
    blobs: new Map(),
    faults: []
  }

  private readonly http: http.Server
  private readonly sockets = new Set<Socket>()
  private readonly secret = crypto.randomBytes(32)
  private readonly strict: boolean
  private readonly artifactVersions: number[]
  private readonly maxBlobBytes: number
  private readonly ttl: number
  private readonly verbose: boolean
  private readonly cacheScopes: CacheScope[]
  private nextCacheId = 1
  private nextArtifactId = 1
  private seq = 0
  private closed = false

  constructor(opts: ResultsServerOptions) {
    this.runBackendId = opts.runBackendId ?? crypto.randomUUID()
    this.jobBackendId = opts.jobBackendId ?? crypto.randomUUID()
    this.cacheScopes = opts.cacheScopes ?? [{ scope: 'refs/heads/main', permission: 3 }]
    this.strict = opts.strictUnknownFields ?? true
    this.artifactVersions = opts.artifactVersions ?? [7]
    this.maxBlobBytes = opts.maxBlobBytes ?? 512 * 1024 * 1024
    this.ttl = opts.signedUrlTtlSeconds ?? 3600
    this.verbose = opts.verbose ?? false
    this.http = http.createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        if (!res.headersSent && !res.destroyed) {
          res.writeHead(500, { 'Content-Type': 'text/plain' })
          res.end(String(err))
        } else res.destroy()
      })
    })
    this.http.keepAliveTimeout = 5000
    this.http.on('connection', s => {
      this.sockets.add(s)
      s.on('close', () => this.sockets.delete(s))
    })
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.http.once('error', reject)
      this.http.listen(0, '127.0.0.1', () => {
        this.http.off('error', reject)
        resolve()
      })
    })
    this.port = (this.http.address() as AddressInfo).port
    this.url = `http://127.0.0.1:${this.port}/`
    this.token = this.makeToken()
  }

  makeToken(opts: TokenOptions = {}): string {
    return makeRuntimeToken({
      cacheScopes: this.cacheScopes,
      ...opts,
      runBackendId: opts.runBackendId ?? this.runBackendId,
      jobBackendId: opts.jobBackendId ?? this.jobBackendId
    })
  }

  env(token = this.token): Record<string, string> {
    return {
      ACTIONS_RESULTS_URL: this.url,
      ACTIONS_RUNTIME_TOKEN: token,
      ACTIONS_CACHE_SERVICE_V2: 'true',
      GITHUB_SERVER_URL: 'https://github.com'
    }
  }

  setFault(fault?: Fault | Fault[] | null): void {
    this.state.faults = fault ? (Array.isArray(fault) ? [...fault] : [fault]) : []
  }
  addFault(fault: Fault): void {
    this.state.faults.push(fault)
  }
  clearFaults(): void {
    this.state.faults = []
  }

  requestsFor(match: Matcher): LoggedRequest[] {
    return this.state.requests.filter(r => matches(match, r, r.twirp ?? r.path))
  }

  getArtifactZip(name: string): Buffer {
    const a = this.state.artifacts
      .filter(x => x.name === name && x.finalized && !x.deleted)
      .sort((x, y) => y.id - x.id)[0]
    const data = a ? this.state.blobs.get(a.blobPath)?.data : undefined
    if (!a || !data) throw new Error(`no finalized artifact named ${JSON.stringify(name)}`)
    return data
  }

  getCacheBlob(key: string, version?: string): Buffer | undefined {
    const e = this.state.caches
      .filter(c => c.committed && c.key === key && (version === undefined || c.version === version))
      .sort(newestFirst)[0]
    return e ? this.state.blobs.get(e.blobPath)?.data : undefined
  }

  seedCache(entry: {
    key: string
    version: string
    data: Buffer
    scope?: string
    createdAt?: Date
  }): CacheEntry {
    const at = entry.createdAt ?? new Date()
    const blobPath = `/${ACCOUNT}/${CACHE_CONTAINER}/${crypto.randomBytes(16).toString('hex')}`
    const blob = this.blob(blobPath)
    this.commitBlob(blob, entry.data, undefined)
    const e: CacheEntry = {
      id: this.nextCacheId++,
      key: entry.key,
      version: entry.version,
      scope:
        entry.scope ?? this.cacheScopes.find(s => s.permission & 2)?.scope ?? 'refs/heads/main',
      blobPath,
      committed: true,
      sizeBytes: entry.data.length,
      createdAt: at,
      committedAt: at
    }
    this.state.caches.push(e)
    return e
  }

  signBlobUrl(blobPath: string, permission: string, extra: Record<string, string> = {}): string {
    const se = new Date(Date.now() + this.ttl * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')
    const q = new URLSearchParams({
      sv: DEFAULT_AZURE_VERSION,
      spr: 'http',
      se,
      sr: 'b',
      sp: permission,
      ...extra
    })
    q.set('sig', this.sasSignature(blobPath, permission, se, extra.rscd ?? ''))
    return `http://127.0.0.1:${this.port}${blobPath}?${q.toString()}`
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    const done = new Promise<void>(resolve => this.http.close(() => resolve()))
    for (const s of this.sockets) s.destroy()
    this.sockets.clear()
    await done
  }

  // --- request dispatch --------------------------------------------------------------------

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const method = req.method ?? 'GET'
    const twirp =
      /^\/twirp\/github\.actions\.results\.api\.v1\.(CacheService|ArtifactService)\/([A-Za-z]+)$/.exec(
        url.pathname
      )
    const isBlob = url.pathname.startsWith(`/${ACCOUNT}/`)
    const entry: LoggedRequest = {
      seq: ++this.seq,
      method,
      path: url.pathname,
      query: url.search.replace(/^\?/, ''),
      kind: twirp
        ? 'twirp'
        : isBlob
          ? method === 'PUT'
            ? 'blob-upload'
            : 'blob-download'
          : 'other',
      ...(twirp ? { service: twirp[1], twirp: twirp[2] } : {})
    }
    this.state.requests.push(entry)
    res.on('finish', () => {
      entry.status = res.statusCode
      if (this.verbose)
        console.error(`[results-server] ${method} ${url.pathname} -> ${res.statusCode}`)
    })

    const fault = this.takeFault(entry)
    if (fault) {
      entry.fault = fault.kind
      switch (fault.kind) {
        case 'reset':
          req.socket.destroy()
          return
        case 'hang':
          // Swallow the body so the client waits for an answer that never comes.
          req.resume()
          return
        case 'delay':
          await new Promise(r => setTimeout(r, fault.ms))
          if (this.closed) return
          break
        case 'status': {
          const body = await readBody(req, 64 * 1024 * 1024).catch(() => Buffer.alloc(0))
          if (entry.kind === 'twirp') entry.body = tryJson(body)
          const msg = fault.msg ?? `injected fault: HTTP ${fault.code}`
          if (entry.kind === 'twirp')
            this.twirpError(res, entry, new TwirpError(codeForStatus(fault.code), msg), fault.code)
          else this.azureError(res, entry, req, new AzureError(fault.code, 'InjectedFault', msg))
          return
        }
        default:
          break // download faults are applied when the blob is served
      }
    }

    if (twirp) return this.handleTwirp(req, res, entry, twirp[1], twirp[2])
    if (isBlob) return this.handleBlob(req, res, entry, url, fault)
    res.writeHead(404, { 'Content-Type': 'text/plain' })
    res.end('not found')
  }

  private takeFault(entry: LoggedRequest): Fault | undefined {
    for (const f of this.state.faults) {
      if (f.times !== undefined && f.times <= 0) continue
      if (
        (f.kind === 'garbage-download' || f.kind === 'truncate-download') &&
        entry.kind !== 'blob-download'
      )
        continue
      if (f.match !== undefined && !matches(f.match, entry, `${entry.method} ${entry.path}`))
        continue
      if (f.times !== undefined) f.times--
      return f
    }
    return undefined
  }

  // --- Twirp -----------------------------------------------------------------------------------

  private twirpError(
    res: http.ServerResponse,
    entry: LoggedRequest,
    err: TwirpError,
    status?: number
  ): void {
    entry.error = err.code
    entry.message = err.message
    const body: Record<string, unknown> = { code: err.code, msg: err.message }
    if (err.meta) body.meta = err.meta
    res.writeHead(status ?? TWIRP_HTTP_STATUS[err.code], { 'Content-Type': 'application/json' })
    res.end(JSON.stringify(body))
  }

  private async handleTwirp(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    entry: LoggedRequest,
    service: string,
    method: string
  ): Promise<void> {
    try {
      const schema = SCHEMAS[service]?.[method]
      if (!schema)
        throw new TwirpError('bad_route', `no handler for path "${entry.path}"`, {
          twirp_invalid_route: `POST ${entry.path}`
        })
      if (req.method !== 'POST')
        throw new TwirpError(
          'bad_route',
          `unsupported method "${req.method}" (only POST is allowed)`,
          {
            twirp_invalid_route: `${req.method} ${entry.path}`
          }
        )
      const claims = this.authenticate(req)
      const ct = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
      if (ct !== 'application/json')
        throw new TwirpError(
          'bad_route',
          `unexpected Content-Type: ${JSON.stringify(req.headers['content-type'] ?? '')}`,
          {
            twirp_invalid_route: `POST ${entry.path}`
          }
        )
      let raw: Buffer
      try {
        raw = await readBody(req, 4 * 1024 * 1024)
      } catch {
        throw new TwirpError('malformed', 'request body too large')
      }
      let json: unknown
      try {
        json = JSON.parse(raw.toString('utf8'))
      } catch (e) {
        throw new TwirpError(
          'malformed',
          `the json request could not be decoded: ${(e as Error).message}`
        )
      }
      entry.body = json
      const msg = decodeMessage(schema, json, '', this.strict)
      const out =
        service === 'CacheService'
          ? this.cacheCall(method, msg, claims)
          : this.artifactCall(method, msg, claims)
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify(out))
    } catch (err) {
      if (err instanceof TwirpError) this.twirpError(res, entry, err)
      else throw err
    }
  }

  private authenticate(req: http.IncomingMessage): TokenClaims {
    const auth = req.headers.authorization ?? ''
    const m = /^Bearer\s+(\S+)$/i.exec(auth)
    if (!m)
      throw new TwirpError('unauthenticated', 'missing or malformed Authorization: Bearer header')
    const parts = m[1].split('.')
    let payload: Record<string, unknown>
    try {
      if (parts.length !== 3) throw new Error('not a JWT')
      JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'))
      payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Record<
        string,
        unknown
      >
    } catch {
      throw new TwirpError('unauthenticated', 'bearer token is not a valid JWT')
    }
    const now = Date.now() / 1000
    if (typeof payload.exp === 'number' && payload.exp < now)
      throw new TwirpError('unauthenticated', 'token expired')
    if (typeof payload.nbf === 'number' && payload.nbf > now + 300)
      throw new TwirpError('unauthenticated', 'token not yet valid')
    const scp = typeof payload.scp === 'string' ? payload.scp : ''
    const results = scp
      .split(' ')
      .map(s => s.split(':'))
      .find(p => p[0] === 'Actions.Results')
    if (!results || results.length !== 3 || !results[1] || !results[2])
      throw new TwirpError('unauthenticated', 'token has no Actions.Results:<run>:<job> scope')
    let ac: unknown = payload.ac
    if (typeof ac === 'string') {
      try {
        ac = JSON.parse(ac)
      } catch {
        throw new TwirpError('unauthenticated', 'token ac claim is not JSON')
      }
    }
    const cacheScopes: CacheScope[] = Array.isArray(ac)
      ? ac.flatMap(s => {
          const o = s as { Scope?: unknown; Permission?: unknown }
          return typeof o.Scope === 'string' && typeof o.Permission === 'number'
            ? [{ scope: o.Scope, permission: o.Permission }]
            : []
        })
      : []
    return { runBackendId: results[1], jobBackendId: results[2], cacheScopes }
  }

  // --- CacheService ----------------------------------------------------------------------------

  private cacheCall(method: string, d: Decoded, claims: TokenClaims): Record<string, unknown> {
    const key = str(d, 'key')
    const version = str(d, 'version')
    required(d, 'key', 'version')
    if (key.length > 512) throw bad('key', 'must be at most 512 characters')
    const writable = claims.cacheScopes.find(s => s.permission & 2)
    switch (method) {
      case 'CreateCacheEntry': {
        if (!writable)
          return {
            ok: false,
            signed_upload_url: '',
            message: 'cache write denied: token has no writable scopes'
          }
        if (
          this.state.caches.some(
            c => c.committed && c.scope === writable.scope && c.key === key && c.version === version
          )
        )
          throw new TwirpError(
            'already_exists',
            'cache entry with the same key, version, and scope already exists'
          )
        // A new reservation replaces an unfinished one for the same (scope, key, version).
        this.state.caches = this.state.caches.filter(
          c =>
            c.committed || !(c.scope === writable.scope && c.key === key && c.version === version)
        )
        const blobPath = `/${ACCOUNT}/${CACHE_CONTAINER}/${crypto.randomBytes(16).toString('hex')}`
        this.blob(blobPath)
        this.state.caches.push({
          id: this.nextCacheId++,
          key,
          version,
          scope: writable.scope,
          blobPath,
          committed: false,
          createdAt: new Date()
        })
        return { ok: true, signed_upload_url: this.signBlobUrl(blobPath, 'cw'), message: '' }
      }
      case 'FinalizeCacheEntryUpload': {
        const size = i64(d, 'size_bytes')
        if (size === undefined) throw bad('size_bytes', 'is required')
        if (!writable)
          return {
            ok: false,
            entry_id: '0',
            message: 'cache write denied: token has no writable scopes'
          }
        const e = this.state.caches.find(
          c => c.scope === writable.scope && c.key === key && c.version === version && !c.committed
        )
        if (!e) {
          if (
            this.state.caches.some(
              c =>
                c.committed && c.scope === writable.scope && c.key === key && c.version === version
            )
          )
            throw new TwirpError(
              'already_exists',
              'cache entry with the same key, version, and scope already exists'
            )
          throw new TwirpError(
            'not_found',
            'cache entry not found: CreateCacheEntry was not called for this key and version'
          )
        }
        const data = this.state.blobs.get(e.blobPath)?.data
        if (!data)
          throw new TwirpError(
            'failed_precondition',
            'no data has been uploaded to the signed upload URL'
          )
        if (BigInt(data.length) !== size)
          throw bad('size_bytes', `is ${size} but ${data.length} bytes were uploaded`)
        e.committed = true
        e.sizeBytes = data.length
        e.committedAt = new Date()
        return { ok: true, entry_id: String(e.id), message: '' }
      }
      case 'GetCacheEntryDownloadURL': {
        const readable = claims.cacheScopes.filter(s => s.permission & 1)
        if (readable.length === 0)
          throw new TwirpError(
            'permission_denied',
            'cache read denied: token has no readable scopes'
          )
        const restoreKeys = (d.restore_keys as string[] | undefined) ?? []
        const hit = this.lookup(
          readable.map(s => s.scope),
          key,
          restoreKeys,
          version
        )
        if (!hit) return { ok: false, signed_download_url: '', matched_key: '' }
        return {
          ok: true,
          signed_download_url: this.signBlobUrl(hit.blobPath, 'r'),
          matched_key: hit.key
        }
      }
    }
    throw new TwirpError('bad_route', `no handler for CacheService/${method}`)
  }

  /** GitHub's documented order, per scope (current ref first): exact key, key prefix, then each restore key as prefix (exact first). */
  private lookup(
    scopes: string[],
    key: string,
    restoreKeys: string[],
    version: string
  ): CacheEntry | undefined {
    for (const scope of scopes) {
      const pool = this.state.caches
        .filter(c => c.committed && c.scope === scope && c.version === version)
        .sort(newestFirst)
      const exact = pool.find(c => c.key === key)
      if (exact) return exact
      for (const prefix of [key, ...restoreKeys]) {
        const hit = pool.find(c => c.key === prefix) ?? pool.find(c => c.key.startsWith(prefix))
        if (hit) return hit
      }
    }
    return undefined
  }

  // --- ArtifactService -------------------------------------------------------------------------

  private artifactCall(method: string, d: Decoded, claims: TokenClaims): Record<string, unknown> {
    required(d, 'workflow_run_backend_id', 'workflow_job_run_backend_id')
    const run = str(d, 'workflow_run_backend_id')
    const job = str(d, 'workflow_job_run_backend_id')
    if (run !== claims.runBackendId)
      throw new TwirpError(
        'permission_denied',
        `workflow_run_backend_id ${run} is not the token's run ${claims.runBackendId}`
      )
    const writes = method === 'CreateArtifact' || method === 'FinalizeArtifact'
    if (writes && job !== claims.jobBackendId)
      throw new TwirpError(
        'permission_denied',
        `workflow_job_run_backend_id ${job} is not the token's job ${claims.jobBackendId}`
      )
    const live = (a: ArtifactRecord): boolean =>
      a.runBackendId === run &&
      a.finalized &&
      !a.deleted &&
      (!a.expiresAt || a.expiresAt.getTime() > Date.now())
    switch (method) {
      case 'CreateArtifact': {
        required(d, 'name')
        const name = str(d, 'name')
        const bad_ = ARTIFACT_NAME_FORBIDDEN.find(c => name.includes(c))
        if (bad_ !== undefined)
          throw bad('name', `contains the forbidden character ${JSON.stringify(bad_)}`)
        const version = typeof d.version === 'number' ? d.version : 0
        if (!this.artifactVersions.includes(version))
          throw bad(
            'version',
            `${version} is not supported (expected ${this.artifactVersions.join(' or ')})`
          )
        const expiresAt = d.expires_at instanceof Date ? d.expires_at : undefined
        if (expiresAt && expiresAt.getTime() <= Date.now())
          throw bad('expires_at', 'must be in the future')
        if (this.state.artifacts.some(a => live(a) && a.name === name))
          throw new TwirpError(
            'already_exists',
            'an artifact with this name already exists on the workflow run'
          )
        this.state.artifacts = this.state.artifacts.filter(
          a => a.finalized || a.runBackendId !== run || a.name !== name
        )
        const blobPath = `/${ACCOUNT}/${ARTIFACT_CONTAINER}/${run}/workflow-job-run-${job}/artifacts/${crypto
          .createHash('sha256')
          .update(`${name}\0${Date.now()}\0${Math.random()}`)
          .digest('hex')}`
        this.blob(blobPath)
        this.state.artifacts.push({
          id: this.nextArtifactId++,
          runBackendId: run,
          jobBackendId: job,
          name,
          version,
          mimeType: typeof d.mime_type === 'string' ? d.mime_type : undefined,
          expiresAt,
          blobPath,
          finalized: false,
          deleted: false,
          createdAt: new Date()
        })
        return { ok: true, signed_upload_url: this.signBlobUrl(blobPath, 'cw') }
      }
      case 'FinalizeArtifact': {
        required(d, 'name')
        const name = str(d, 'name')
        const size = i64(d, 'size')
        if (size === undefined) throw bad('size', 'is required')
        const a = this.state.artifacts.find(
          x => x.runBackendId === run && x.jobBackendId === job && x.name === name && !x.finalized
        )
        if (!a)
          throw new TwirpError(
            'not_found',
            `no artifact ${JSON.stringify(name)} is awaiting finalization`
          )
        const data = this.state.blobs.get(a.blobPath)?.data
        if (!data)
          throw new TwirpError(
            'failed_precondition',
            'no data has been uploaded to the signed upload URL'
          )
        if (BigInt(data.length) !== size)
          throw bad('size', `is ${size} but ${data.length} bytes were uploaded`)
        const digest = `sha256:${crypto.createHash('sha256').update(data).digest('hex')}`
        if (d.hash !== undefined) {
          if (typeof d.hash !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(d.hash))
            throw bad('hash', 'must be "sha256:<64 hex>"')
          if (d.hash !== digest)
            throw bad('hash', `${d.hash} does not match the uploaded content (${digest})`)
        }
        a.finalized = true
        a.size = data.length
        a.digest = digest
        return { ok: true, artifact_id: String(a.id) }
      }
      case 'ListArtifacts': {
        const nameFilter = typeof d.name_filter === 'string' ? d.name_filter : undefined
        const idFilter = i64(d, 'id_filter')
        const artifacts = this.state.artifacts
          .filter(
            a =>
              live(a) &&
              (nameFilter === undefined || a.name === nameFilter) &&
              (idFilter === undefined || BigInt(a.id) === idFilter)
          )
          .sort((x, y) => x.id - y.id)
          .map(a => ({
            workflow_run_backend_id: a.runBackendId,
            workflow_job_run_backend_id: a.jobBackendId,
            database_id: String(a.id),
            name: a.name,
            size: String(a.size ?? 0),
            created_at: a.createdAt.toISOString(),
            ...(a.digest ? { digest: a.digest } : {})
          }))
        return { artifacts }
      }
      case 'GetSignedArtifactURL':
      case 'DeleteArtifact': {
        required(d, 'name')
        const name = str(d, 'name')
        const a = this.state.artifacts
          .filter(x => live(x) && x.name === name)
          .sort((x, y) => y.id - x.id)[0]
        if (!a) throw new TwirpError('not_found', `artifact ${JSON.stringify(name)} not found`)
        if (a.jobBackendId !== job)
          throw new TwirpError(
            'not_found',
            `artifact ${JSON.stringify(name)} not found for job ${job}`
          )
        if (method === 'DeleteArtifact') {
          a.deleted = true
          return { ok: true, artifact_id: String(a.id) }
        }
        const isZip = (a.mimeType ?? 'application/zip') === 'application/zip'
        const fileName = isZip ? `${a.name}.zip` : a.name
        const rscd = `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`
        return { signed_url: this.signBlobUrl(a.blobPath, 'r', { rscd }) }
      }
    }
    throw new TwirpError('bad_route', `no handler for ArtifactService/${method}`)
  }

  // --- Azure blob emulation --------------------------------------------------------------------

  private blob(path: string): BlobRecord {
    let b = this.state.blobs.get(path)
    if (!b) {
      const now = new Date()
      b = {
        path,
        uncommitted: new Map(),
        committedBlocks: [],
        etag: etag(),
        lastModified: now,
        createdAt: now
      }
      this.state.blobs.set(path, b)
    }
    return b
  }

  private commitBlob(
    b: BlobRecord,
    data: Buffer,
    contentType: string | undefined,
    md5?: string
  ): void {
    b.data = data
    b.contentType = contentType
    b.contentMd5 = md5
    b.etag = etag()
    b.lastModified = new Date()
  }

  private sasSignature(path: string, sp: string, se: string, rscd: string): string {
    return crypto
      .createHmac('sha256', this.secret)
      .update([sp, se, 'b', path, rscd].join('\n'))
      .digest('base64')
  }

  private azureHeaders(req: http.IncomingMessage): Record<string, string> {
    const h: Record<string, string> = {
      'x-ms-request-id': crypto.randomUUID(),
      'x-ms-version': String(req.headers['x-ms-version'] ?? DEFAULT_AZURE_VERSION),
      Server: 'Windows-Azure-Blob/1.0 Microsoft-HTTPAPI/2.0'
    }
    const crid = req.headers['x-ms-client-request-id']
    if (typeof crid === 'string') h['x-ms-client-request-id'] = crid
    return h
  }

  private azureError(
    res: http.ServerResponse,
    entry: LoggedRequest,
    req: http.IncomingMessage,
    err: AzureError
  ): void {
    entry.error = err.code
    entry.message = err.message
    const headers = this.azureHeaders(req)
    const body =
      req.method === 'HEAD'
        ? ''
        : `\uFEFF<?xml version="1.0" encoding="utf-8"?><Error><Code>${err.code}</Code><Message>${xmlEscape(err.message)}\nRequestId:${headers['x-ms-request-id']}\nTime:${new Date().toISOString()}</Message></Error>`
    res.writeHead(err.status, {
      ...headers,
      'x-ms-error-code': err.code,
      'Content-Type': 'application/xml',
      'Content-Length': Buffer.byteLength(body)
    })
    res.end(body)
  }

  private checkSas(url: URL, need: 'r' | 'w'): void {
    const q = url.searchParams
    const sig = q.get('sig')
    const se = q.get('se') ?? ''
    const sp = q.get('sp') ?? ''
    if (!sig)
      throw new AzureError(
        401,
        'NoAuthenticationInformation',
        'Server failed to authenticate the request. Please refer to the information in the www-authenticate header.'
      )
    const want = this.sasSignature(url.pathname, sp, se, q.get('rscd') ?? '')
    const a = Buffer.from(sig)
    const b = Buffer.from(want)
    if (a.length !== b.length || !crypto.timingSafeEqual(a, b))
      throw new AzureError(
        403,
        'AuthenticationFailed',
        'Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.'
      )
    if (!(Date.parse(se) > Date.now()))
      throw new AzureError(
        403,
        'AuthenticationFailed',
        `Signed expiry time [${se}] has to be after the current time.`
      )
    if (!sp.includes(need))
      throw new AzureError(
        403,
        'AuthorizationPermissionMismatch',
        'This request is not authorized to perform this operation using this permission.'
      )
  }

  private async handleBlob(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    entry: LoggedRequest,
    url: URL,
    fault: Fault | undefined
  ): Promise<void> {
    const method = req.method ?? 'GET'
    try {
      if (method === 'PUT') {
        this.checkSas(url, 'w')
        let body: Buffer
        try {
          body = await readBody(req, this.maxBlobBytes)
        } catch (e) {
          if (e instanceof BodyTooLarge)
            throw new AzureError(
              413,
              'RequestBodyTooLarge',
              'The request body is too large and exceeds the maximum permissible limit.'
            )
          throw e
        }
        entry.bytes = body.length
        return this.putBlob(req, res, url, body)
      }
      if (method === 'GET' || method === 'HEAD') {
        this.checkSas(url, 'r')
        return this.getBlob(req, res, url, fault)
      }
      throw new AzureError(
        405,
        'UnsupportedHttpVerb',
        `The resource doesn't support the specified HTTP verb ${method}.`
      )
    } catch (err) {
      if (err instanceof AzureError) {
        req.resume()
        this.azureError(res, entry, req, err)
      } else throw err
    }
  }

  private putBlob(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    body: Buffer
  ): void {
    if (req.headers['x-ms-structured-body'])
      throw new AzureError(
        400,
        'UnsupportedHeader',
        'x-ms-structured-body (CRC64 structured messages) is not emulated by the loopback server.'
      )
    const md5 = crypto.createHash('md5').update(body).digest('base64')
    const sentMd5 = req.headers['content-md5']
    if (typeof sentMd5 === 'string' && sentMd5 !== md5)
      throw new AzureError(
        400,
        'Md5Mismatch',
        'The MD5 value specified in the request did not match with the MD5 value calculated by the server.'
      )
    const declared = req.headers['content-length']
    if (declared !== undefined && Number(declared) !== body.length)
      throw new AzureError(400, 'InvalidHeaderValue', 'Content-Length does not match the body.')
    const b = this.blob(url.pathname)
    const comp = url.searchParams.get('comp')
    const headers = this.azureHeaders(req)
    const contentType =
      typeof req.headers['x-ms-blob-content-type'] === 'string'
        ? req.headers['x-ms-blob-content-type']
        : undefined
    if (comp === null) {
      // Put Blob
      if (req.headers['x-ms-blob-type'] !== 'BlockBlob')
        throw new AzureError(
          400,
          'MissingRequiredHeader',
          "An HTTP header that's mandatory for this request is not specified: x-ms-blob-type (BlockBlob)."
        )
      const blobMd5 =
        typeof req.headers['x-ms-blob-content-md5'] === 'string'
          ? req.headers['x-ms-blob-content-md5']
          : md5
      this.commitBlob(b, body, contentType, blobMd5)
      b.uncommitted.clear()
      b.committedBlocks = []
      res.writeHead(201, {
        ...headers,
        ETag: b.etag,
        'Last-Modified': b.lastModified.toUTCString(),
        'Content-MD5': md5,
        'x-ms-request-server-encrypted': 'true',
        'Content-Length': '0'
      })
      res.end()
      return
    }
    if (comp === 'block') {
      const id = url.searchParams.get('blockid') ?? ''
      const raw = Buffer.from(id, 'base64')
      if (!id || raw.length === 0 || raw.length > 64 || raw.toString('base64') !== id)
        throw new AzureError(
          400,
          'InvalidQueryParameterValue',
          `Value for one of the query parameters specified in the request URI is invalid: blockid=${id}`
        )
      const lengths = new Set(
        [...b.uncommitted.keys(), ...b.committedBlocks.map(x => x.id)].map(k => k.length)
      )
      if (lengths.size > 0 && !lengths.has(id.length))
        throw new AzureError(
          400,
          'InvalidBlobOrBlock',
          'The specified blob or block content is invalid (all block ids of a blob must have the same length).'
        )
      if (b.uncommitted.size >= 100_000)
        throw new AzureError(
          409,
          'BlockCountExceedsLimit',
          'The uncommitted block count cannot exceed 100,000.'
        )
      b.uncommitted.set(id, body)
      res.writeHead(201, {
        ...headers,
        'Content-MD5': md5,
        'x-ms-request-server-encrypted': 'true',
        'Content-Length': '0'
      })
      res.end()
      return
    }
    if (comp === 'blocklist') {
      const xml = body.toString('utf8')
      if (!/<BlockList>[\s\S]*<\/BlockList>/.test(xml))
        throw new AzureError(400, 'InvalidXmlDocument', 'XML specified is not syntactically valid.')
      const list: { id: string; data: Buffer }[] = []
      for (const m of xml.matchAll(/<(Latest|Committed|Uncommitted)>([^<]*)<\/\1>/g)) {
        const [, where, id] = m
        const committed = b.committedBlocks.find(x => x.id === id)?.data
        const pending = b.uncommitted.get(id)
        const data =
          where === 'Committed'
            ? committed
            : where === 'Uncommitted'
              ? pending
              : (pending ?? committed)
        if (!data)
          throw new AzureError(
            400,
            'InvalidBlockList',
            `The specified block list is invalid (block ${id} is not ${where === 'Latest' ? 'staged' : where.toLowerCase()}).`
          )
        list.push({ id, data })
      }
      if (list.length > 50_000)
        throw new AzureError(
          400,
          'InvalidBlockList',
          'The block list may not contain more than 50,000 blocks.'
        )
      const data = Buffer.concat(list.map(x => x.data))
      const blobMd5 =
        typeof req.headers['x-ms-blob-content-md5'] === 'string'
          ? req.headers['x-ms-blob-content-md5']
          : undefined
      this.commitBlob(b, data, contentType, blobMd5)
      b.committedBlocks = list
      b.uncommitted.clear() // Azure discards uncommitted blocks not in the list
      res.writeHead(201, {
        ...headers,
        ETag: b.etag,
        'Last-Modified': b.lastModified.toUTCString(),
        'Content-MD5': md5,
        'x-ms-request-server-encrypted': 'true',
        'Content-Length': '0'
      })
      res.end()
      return
    }
    throw new AzureError(
      400,
      'InvalidQueryParameterValue',
      `Value for one of the query parameters specified in the request URI is invalid: comp=${comp}`
    )
  }

  private getBlob(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    fault: Fault | undefined
  ): void {
    const b = this.state.blobs.get(url.pathname)
    if (!b?.data) throw new AzureError(404, 'BlobNotFound', 'The specified blob does not exist.')
    const size = b.data.length
    let start = 0
    let end = size - 1
    let partial = false
    const range = req.headers['x-ms-range'] ?? req.headers.range
    if (typeof range === 'string' && range !== '') {
      const m = /^bytes=(\d*)-(\d*)$/.exec(range.trim())
      if (!m || (m[1] === '' && m[2] === ''))
        throw new AzureError(
          416,
          'InvalidRange',
          'The range specified is invalid for the current size of the resource.'
        )
      if (m[1] === '') {
        start = Math.max(0, size - Number(m[2]))
      } else {
        start = Number(m[1])
        if (m[2] !== '') end = Math.min(end, Number(m[2]))
      }
      if (start >= size || start > end) {
        res.setHeader('Content-Range', `bytes */${size}`)
        throw new AzureError(
          416,
          'InvalidRange',
          'The range specified is invalid for the current size of the resource.'
        )
      }
      partial = true
    }
    let payload = b.data.subarray(start, end + 1)
    if (fault?.kind === 'garbage-download') payload = crypto.randomBytes(payload.length)
    const headers: Record<string, string> = {
      ...this.azureHeaders(req),
      'Content-Type': b.contentType ?? 'application/octet-stream',
      'Content-Length': String(payload.length),
      ETag: b.etag,
      'Last-Modified': b.lastModified.toUTCString(),
      'Accept-Ranges': 'bytes',
      'x-ms-blob-type': 'BlockBlob',
      'x-ms-creation-time': b.createdAt.toUTCString(),
      'x-ms-lease-status': 'unlocked',
      'x-ms-lease-state': 'available',
      'x-ms-server-encrypted': 'true'
    }
    if (b.contentMd5) headers[partial ? 'x-ms-blob-content-md5' : 'Content-MD5'] = b.contentMd5
    if (partial) headers['Content-Range'] = `bytes ${start}-${end}/${size}`
    const rscd = url.searchParams.get('rscd')
    if (rscd) headers['Content-Disposition'] = rscd
    res.writeHead(partial ? 206 : 200, headers)
    if (req.method === 'HEAD') {
      res.end()
      return
    }
    if (fault?.kind === 'truncate-download') {
      res.write(payload.subarray(0, Math.floor(payload.length / 2)), () => res.destroy())
      return
    }
    res.end(payload)
  }
}

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

function matches(m: Matcher, r: LoggedRequest, text: string): boolean {
  if (typeof m === 'function') return m(r)
  const texts = [text, `${r.method} ${r.path}`]
  if (typeof m === 'string') return texts.some(t => t.includes(m))
  return texts.some(t => {
    m.lastIndex = 0
    return m.test(t)
  })
}

function newestFirst(a: CacheEntry, b: CacheEntry): number {
  const t = (b.committedAt ?? b.createdAt).getTime() - (a.committedAt ?? a.createdAt).getTime()
  return t !== 0 ? t : b.id - a.id
}

function etag(): string {
  return `"0x8DC${crypto.randomBytes(6).toString('hex').toUpperCase()}"`
}

function xmlEscape(s: string): string {
  return s.replace(/[<>&"']/g, c => `&#${c.charCodeAt(0)};`)
}

function tryJson(buf: Buffer): unknown {
  try {
    return JSON.parse(buf.toString('utf8'))
  } catch {
    return buf.toString('utf8')
  }
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let over = false
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > limit) over = true
      else chunks.push(c)
    })
    req.on('end', () =>
      over ? reject(new BodyTooLarge(`body over ${limit} bytes`)) : resolve(Buffer.concat(chunks))
    )
    req.on('error', reject)
    req.on('close', () => {
      if (!req.complete) reject(new Error('request aborted'))
    })
  })
}

/** Start a results service on 127.0.0.1 with a random port. */
export async function startResultsServer(opts: ResultsServerOptions = {}): Promise<ResultsServer> {
  const s = new Server(opts)
  await s.listen()
  return s
}
