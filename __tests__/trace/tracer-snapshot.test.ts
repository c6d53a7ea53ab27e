/**
 * The tracer's snapshot, run for real on this machine's Python: a service that dies of SIGTERM
 * (uvicorn raises it again after its graceful shutdown; Django's runserver has no handler) never
 * runs Python's exit handlers, so the record it writes when asked, just before SIGTERM, is its trace.
 */
import { spawn } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import {
  TRACER_SCRIPT,
  TRACE_CWD_ENV,
  TRACE_ENV,
  TRACE_SNAPSHOT_ENV
} from '../../src/trace/tracer.js'
import type { TraceRecord } from '../../src/trace/findings.js'

/** Resolves when `check` holds, polling every 20 ms; rejects after `ms`. */
async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise(resolve => setTimeout(resolve, 20))
  }
}

/**
 * Starts `program` under the tracer, waits for its "ready" line, asks for a snapshot, waits for
 * the tracer to take it, sends SIGTERM and returns how the process ended and its record.
 */
async function serveAndStop(
  program: string
): Promise<{ signal: string | null; code: number | null; record: TraceRecord }> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-snapshot-'))
  const site = path.join(root, 'site')
  fs.mkdirSync(path.join(site, 'lateload'), { recursive: true })
  fs.writeFileSync(path.join(site, 'lateload', '__init__.py'), '')
  fs.writeFileSync(path.join(root, 'tracer.py'), TRACER_SCRIPT)
  fs.writeFileSync(path.join(root, 'program.py'), program)
  const out = path.join(root, 'trace.json')
  const request = path.join(root, 'snapshot.request')
  const child = spawn(
    process.env.PYTHON ?? 'python3',
    [path.join(root, 'tracer.py'), path.join(root, 'program.py')],
    {
      env: {
        PATH: process.env.PATH,
        PYTHONPATH: site,
        [TRACE_ENV]: out,
        [TRACE_CWD_ENV]: root,
        [TRACE_SNAPSHOT_ENV]: request
      },
      stdio: ['ignore', 'pipe', 'inherit']
    }
  )
  const ended = new Promise<{ signal: string | null; code: number | null }>(resolve =>
    child.on('exit', (code, signal) => resolve({ code, signal }))
  )
  let stdout = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  try {
    await until(() => stdout.includes('ready'), 30_000, 'the ready line')
    fs.writeFileSync(request, '')
    await until(() => !fs.existsSync(request), 10_000, 'the snapshot')
    child.kill('SIGTERM')
    const how = await ended
    return { ...how, record: JSON.parse(fs.readFileSync(out, 'utf8')) as TraceRecord }
  } finally {
    child.kill('SIGKILL')
  }
}

const SERVE = [
  'import time',
  'import lateload',
  "print('ready', flush=True)",
  'deadline = time.time() + 30',
  'while time.time() < deadline:',
  '    time.sleep(0.02)',
  ''
]

describe('the trace of a service stopped with SIGTERM', () => {
  it('is the snapshot taken before SIGTERM when the service dies of the signal', async () => {
    const r = await serveAndStop(SERVE.join('\n'))
    expect(r.signal).toBe('SIGTERM')
    expect(r.record.final).toBe(false)
    expect(r.record.modules.lateload).toBe('file')
  }, 60_000)

  it('is the record of its exit, written over the snapshot, when it exits through Python', async () => {
    const r = await serveAndStop(
      [
        'import signal, sys',
        'signal.signal(signal.SIGTERM, lambda *a: sys.exit(0))',
        ...SERVE
      ].join('\n')
    )
    expect(r.code).toBe(0)
    expect(r.record.final).toBe(true)
    expect(r.record.modules.lateload).toBe('file')
  }, 60_000)
})
