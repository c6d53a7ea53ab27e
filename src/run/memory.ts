import * as fs from 'node:fs'
import { execCapture } from '../process.js'
import type { OsName } from '../platform.js'

/** One process as seen by a sampler: its parent, command line and peak resident bytes so far. */
export interface ProcSample {
  pid: number
  ppid: number
  peakBytes: number
  command: string
}

/** Parses /proc/<pid>/status: VmHWM (peak RSS) and PPid. Pure. */
export function parseProcStatus(text: string): {
  peakBytes?: number
  rssBytes?: number
  ppid?: number
} {
  const kb = (key: string): number | undefined => {
    const m = new RegExp(`^${key}:\\s+(\\d+)\\s+kB`, 'm').exec(text)
    return m ? Number(m[1]) * 1024 : undefined
  }
  const ppid = /^PPid:\s+(\d+)/m.exec(text)
  return { peakBytes: kb('VmHWM'), rssBytes: kb('VmRSS'), ppid: ppid ? Number(ppid[1]) : undefined }
}

/** Parses `ps -axo pid=,ppid=,rss=,command=` (macOS; rss in KiB). Pure. */
export function parsePsOutput(text: string): ProcSample[] {
  const out: ProcSample[] = []
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/.exec(line)
    if (m)
      out.push({
        pid: Number(m[1]),
        ppid: Number(m[2]),
        peakBytes: Number(m[3]) * 1024,
        command: m[4]
      })
  }
  return out
}

/**
 * Parses CSV from PowerShell `Get-CimInstance Win32_Process | Select-Object ProcessId,ParentProcessId,
 * PeakWorkingSetSize,CommandLine | ConvertTo-Csv -NoTypeInformation` (PeakWorkingSetSize in KiB). Pure.
 */
export function parseWindowsProcessCsv(text: string): ProcSample[] {
  const rows = text.split(/\r?\n/).filter(l => l.trim() !== '')
  const out: ProcSample[] = []
  for (const row of rows.slice(1)) {
    const cells = [...row.matchAll(/"((?:[^"]|"")*)"|([^,]+)|(?<=,)(?=,|$)/g)].map(m =>
      (m[1] ?? m[2] ?? '').replace(/""/g, '"')
    )
    const [pid, ppid, peak, command = ''] = cells
    if (/^\d+$/.test(pid ?? '') && /^\d+$/.test(ppid ?? '')) {
      out.push({
        pid: Number(pid),
        ppid: Number(ppid),
        peakBytes: Number(peak || 0) * 1024,
        command
      })
    }
  }
  return out
}

/** The root and all its descendants among the sampled processes. Pure. */
export function processTree(rootPid: number, procs: ProcSample[]): ProcSample[] {
  const byParent = new Map<number, ProcSample[]>()
  for (const p of procs) byParent.set(p.ppid, [...(byParent.get(p.ppid) ?? []), p])
  const tree: ProcSample[] = []
  const queue = [rootPid]
  const seen = new Set<number>()
  while (queue.length) {
    const pid = queue.shift() as number
    if (seen.has(pid)) continue
    seen.add(pid)
    const self = procs.find(p => p.pid === pid)
    if (self) tree.push(self)
    for (const child of byParent.get(pid) ?? []) queue.push(child.pid)
  }
  return tree
}

function linuxProcesses(): ProcSample[] {
  const out: ProcSample[] = []
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const status = parseProcStatus(fs.readFileSync(`/proc/${entry}/status`, 'utf8'))
      const command = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ').trim()
      out.push({
        pid: Number(entry),
        ppid: status.ppid ?? 0,
        peakBytes: status.peakBytes ?? 0,
        command
      })
    } catch {
      // The process exited between listing and reading: nothing to count.
    }
  }
  return out
}

async function listProcesses(os: OsName): Promise<ProcSample[]> {
  if (os === 'linux') return linuxProcesses()
  if (os === 'macos') {
    const r = await execCapture('ps', ['-axo', 'pid=,ppid=,rss=,command='])
    return r.exitCode === 0 ? parsePsOutput(r.stdout) : []
  }
  const r = await execCapture('powershell', [
    '-NoProfile',
    '-Command',
    'Get-CimInstance Win32_Process | Select-Object ProcessId,ParentProcessId,@{n="Peak";e={[math]::Round($_.PeakWorkingSetSize/1024)}},CommandLine | ConvertTo-Csv -NoTypeInformation'
  ])
  return r.exitCode === 0 ? parseWindowsProcessCsv(r.stdout) : []
}

/**
 * Samples the peak resident memory of a process tree while it runs. A onefile binary is a
 * bootloader parent plus a Python child; both count. The result is the sum of each process's own
 * peak (on Linux VmHWM, so short spikes between samples are not missed).
 */
export class MemorySampler {
  private readonly peaks = new Map<number, number>()
  private timer?: NodeJS.Timeout
  private busy = false

  constructor(
    private readonly rootPid: number,
    private readonly os: OsName,
    /** Only processes whose command line passes count (e.g. to leave out `poetry` itself). */
    private readonly include: (command: string) => boolean = () => true,
    private readonly intervalMs = 100
  ) {}

  start(): void {
    void this.sample()
    this.timer = setInterval(() => void this.sample(), this.intervalMs)
  }

  async sample(): Promise<void> {
    if (this.busy) return
    this.busy = true
    try {
      for (const p of processTree(this.rootPid, await listProcesses(this.os))) {
        if (this.include(p.command))
          this.peaks.set(p.pid, Math.max(this.peaks.get(p.pid) ?? 0, p.peakBytes))
      }
    } catch {
      // Sampling is best effort: a failed sample leaves the peaks seen so far.
    } finally {
      this.busy = false
    }
  }

  /** Stops sampling; returns the peak in bytes, or null when nothing could be sampled. */
  stop(): number | null {
    if (this.timer) clearInterval(this.timer)
    const total = [...this.peaks.values()].reduce((a, b) => a + b, 0)
    return total > 0 ? total : null
  }
}
