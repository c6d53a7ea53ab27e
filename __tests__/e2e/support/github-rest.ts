// A loopback stand-in for the parts of GitHub's REST API the action uses, as @octokit sends them
// through GITHUB_API_URL: workflow runs, run artifacts (with the 302 to a signed zip URL that
// @actions/artifact follows for cross-run downloads) and issue comments. Bounded: close() destroys
// every socket.
import * as http from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

export interface SeedRun {
  id: number
  workflowId: number
  headBranch: string
  headSha: string
  event?: string
  conclusion?: 'success' | 'failure'
}

export interface RestComment {
  id: number
  body: string
  user: { login: string; type: string }
  html_url: string
  created_at: string
  updated_at: string
}

export interface RestRequest {
  method: string
  path: string
  query: string
  status: number
}

export interface GitHubRest {
  /** GITHUB_API_URL (no trailing slash). */
  url: string
  requests: RestRequest[]
  comments: Map<number, RestComment[]>
  seedRun(run: SeedRun): void
  seedArtifact(runId: number, name: string, zip: Buffer): number
  close(): Promise<void>
}

interface ArtifactRow {
  id: number
  runId: number
  name: string
  zip: Buffer
  createdAt: string
}

export async function startGitHubRest(o: {
  owner: string
  repo: string
  commentPermission: 'write' | 'none'
  token: string
}): Promise<GitHubRest> {
  const runs: SeedRun[] = []
  const artifacts: ArtifactRow[] = []
  const comments = new Map<number, RestComment[]>()
  const requests: RestRequest[] = []
  const sockets = new Set<Socket>()
  let nextId = 1000
  let url = ''
  const repoPath = `/repos/${o.owner}/${o.repo}`

  const runJson = (r: SeedRun): Record<string, unknown> => ({
    id: r.id,
    name: 'size-check',
    workflow_id: r.workflowId,
    head_branch: r.headBranch,
    head_sha: r.headSha,
    event: r.event ?? 'push',
    status: 'completed',
    conclusion: r.conclusion ?? 'success',
    run_attempt: 1,
    html_url: `https://github.com/${o.owner}/${o.repo}/actions/runs/${r.id}`,
    created_at: new Date(r.id * 1000).toISOString()
  })
  const artifactJson = (a: ArtifactRow): Record<string, unknown> => {
    const run = runs.find(r => r.id === a.runId)
    return {
      id: a.id,
      node_id: `MDg6QXJ0aWZhY3Q${a.id}`,
      name: a.name,
      size_in_bytes: a.zip.length,
      url: `${url}${repoPath}/actions/artifacts/${a.id}`,
      archive_download_url: `${url}${repoPath}/actions/artifacts/${a.id}/zip`,
      expired: false,
      created_at: a.createdAt,
      updated_at: a.createdAt,
      expires_at: new Date(Date.now() + 86_400_000).toISOString(),
      workflow_run: {
        id: a.runId,
        repository_id: 1,
        head_repository_id: 1,
        head_branch: run?.headBranch,
        head_sha: run?.headSha
      }
    }
  }

  const server = http.createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://127.0.0.1')
    let body = ''
    req.on('data', d => (body += d))
    req.on('end', () => {
      const send = (status: number, json: unknown, headers: Record<string, string> = {}): void => {
        requests.push({
          method: req.method ?? '',
          path: u.pathname,
          query: u.search.slice(1),
          status
        })
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
        res.end(json === undefined ? '' : JSON.stringify(json))
      }
      const notFound = (): void =>
        send(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' })
      // The signed blob URL: no Authorization, like Azure's SAS URLs.
      const blob = /^\/blob\/artifact-(\d+)\.zip$/.exec(u.pathname)
      if (blob && req.method === 'GET') {
        const a = artifacts.find(x => x.id === Number(blob[1]))
        if (!a) return notFound()
        requests.push({ method: 'GET', path: u.pathname, query: '', status: 200 })
        res.writeHead(200, {
          'content-type': 'application/zip',
          'content-length': String(a.zip.length)
        })
        res.end(a.zip)
        return
      }
      const auth = req.headers.authorization ?? ''
      if (auth !== `token ${o.token}` && auth !== `Bearer ${o.token}`) {
        return send(401, {
          message: 'Bad credentials',
          documentation_url: 'https://docs.github.com/rest'
        })
      }
      if (!u.pathname.startsWith(repoPath)) return notFound()
      const p = u.pathname.slice(repoPath.length)
      const q = u.searchParams
      let m: RegExpExecArray | null
      if (req.method === 'GET' && (m = /^\/actions\/runs\/(\d+)$/.exec(p))) {
        const run = runs.find(r => r.id === Number(m?.[1]))
        return run ? send(200, runJson(run)) : notFound()
      }
      if (req.method === 'GET' && (m = /^\/actions\/workflows\/(\d+)\/runs$/.exec(p))) {
        const wanted = runs
          .filter(r => r.workflowId === Number(m?.[1]))
          .filter(r => !q.get('branch') || r.headBranch === q.get('branch'))
          .filter(r => !q.get('head_sha') || r.headSha === q.get('head_sha'))
          .filter(
            r =>
              !q.get('status') ||
              q.get('status') === 'completed' ||
              (r.conclusion ?? 'success') === q.get('status')
          )
          .sort((a, b) => b.id - a.id)
        const perPage = Number(q.get('per_page') ?? 30)
        return send(200, {
          total_count: wanted.length,
          workflow_runs: wanted.slice(0, perPage).map(runJson)
        })
      }
      if (req.method === 'GET' && (m = /^\/actions\/runs\/(\d+)\/artifacts$/.exec(p))) {
        const list = artifacts.filter(
          a => a.runId === Number(m?.[1]) && (!q.get('name') || a.name === q.get('name'))
        )
        return send(200, { total_count: list.length, artifacts: list.map(artifactJson) })
      }
      if (req.method === 'GET' && (m = /^\/actions\/artifacts\/(\d+)\/zip$/.exec(p))) {
        const a = artifacts.find(x => x.id === Number(m?.[1]))
        if (!a) return notFound()
        return send(302, undefined, { location: `${url}/blob/artifact-${a.id}.zip?sig=loopback` })
      }
      if ((m = /^\/issues\/(\d+)\/comments$/.exec(p))) {
        const issue = Number(m[1])
        const list = comments.get(issue) ?? []
        if (req.method === 'GET') {
          const perPage = Number(q.get('per_page') ?? 30)
          const page = Number(q.get('page') ?? 1)
          const last = Math.max(1, Math.ceil(list.length / perPage))
          const link: Record<string, string> =
            page < last
              ? {
                  link: `<${url}${u.pathname}?per_page=${perPage}&page=${page + 1}>; rel="next", <${url}${u.pathname}?per_page=${perPage}&page=${last}>; rel="last"`
                }
              : {}
          return send(200, list.slice((page - 1) * perPage, page * perPage), link)
        }
        if (req.method === 'POST') {
          if (o.commentPermission === 'none')
            return send(403, { message: 'Resource not accessible by integration', status: '403' })
          const now = new Date().toISOString()
          const id = ++nextId
          const c: RestComment = {
            id,
            body: (JSON.parse(body) as { body: string }).body,
            user: { login: 'github-actions[bot]', type: 'Bot' },
            html_url: `https://github.com/${o.owner}/${o.repo}/pull/${issue}#issuecomment-${id}`,
            created_at: now,
            updated_at: now
          }
          comments.set(issue, [...list, c])
          return send(201, c)
        }
      }
      if (req.method === 'PATCH' && (m = /^\/issues\/comments\/(\d+)$/.exec(p))) {
        if (o.commentPermission === 'none')
          return send(403, { message: 'Resource not accessible by integration', status: '403' })
        for (const list of comments.values()) {
          const c = list.find(x => x.id === Number(m?.[1]))
          if (c) {
            c.body = (JSON.parse(body) as { body: string }).body
            c.updated_at = new Date().toISOString()
            return send(200, c)
          }
        }
        return notFound()
      }
      return notFound()
    })
  })
  server.on('connection', s => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    requests,
    comments,
    seedRun: run => void runs.push(run),
    seedArtifact(runId, name, zip) {
      const id = ++nextId
      artifacts.push({ id, runId, name, zip, createdAt: new Date().toISOString() })
      return id
    },
    close: () =>
      new Promise<void>(resolve => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      })
  }
}
