import * as fs from 'node:fs'
import { execCapture } from '../process.js'
import type { OsName } from '../platform.js'

/** One process as seen by a sampler: its parent, command line and peak resident bytes so far. */
export interface ProcSample {
  pid: number
  ppid: number
  peakBytes: number
  /** Resident bytes now, where the platform tells them apart from the peak (Linux, macOS). */
  rssBytes?: number
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
        rssBytes: Number(m[3]) * 1024,
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
        rssBytes: status.rssBytes,
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

/** A onefile launcher's memory: its own peak, and the most it held while the program ran. */
export interface LauncherMemory {
  peakBytes: number
  /** Highest resident bytes sampled while a child of it ran (null: no child was seen). */
  whileRunningBytes: number | null
}

/**
 * The service's peak: each process's own peak, summed, but a onefile launcher (the parent that
 * unpacks or checks the payload, starts the program and waits) counts with what it held while the
 * program ran. Its start-up peak (Nuitka maps each cached file whole to check it, so about the
 * payload's size) is over before the program starts, so it never adds to the program's. Pure.
 */
export function servicePeakBytes(
  peaks: ReadonlyMap<number, number>,
  launcher?: { pid: number } & LauncherMemory
): number | null {
  let total = 0
  for (const [pid, peak] of peaks)
    total += launcher && pid === launcher.pid ? (launcher.whileRunningBytes ?? peak) : peak
  return total > 0 ? total : null
}

/**
 * Samples the peak resident memory of a process tree while it runs. A onefile binary is a
 * launcher parent plus a Python child; both count (see servicePeakBytes). On Linux each process's
 * peak is its VmHWM, so short spikes between samples are not missed.
 */
export class MemorySampler {
  private readonly peaks = new Map<number, number>()
  private launcherWhileRunning: number | null = null
  private timer?: NodeJS.Timeout
  private busy = false

  constructor(
    private readonly rootPid: number,
    private readonly os: OsName,
    /** Only processes whose command line passes count (e.g. to leave out `poetry` itself). */
    private readonly include: (command: string) => boolean = () => true,
    private readonly intervalMs = 100,
    /** The root is a onefile launcher: it counts with what it holds while its child runs. */
    private readonly rootIsLauncher = false
  ) {}

  start(): void {
    void this.sample()
    this.timer = setInterval(() => void this.sample(), this.intervalMs)
  }

  async sample(): Promise<void> {
    if (this.busy) return
    this.busy = true
    try {
      const tree = processTree(this.rootPid, await listProcesses(this.os))
      for (const p of tree) {
        if (this.include(p.command))
          this.peaks.set(p.pid, Math.max(this.peaks.get(p.pid) ?? 0, p.peakBytes))
      }
      const root = tree.find(p => p.pid === this.rootPid)
      if (this.rootIsLauncher && root && tree.some(p => p.ppid === this.rootPid)) {
        const now = root.rssBytes ?? root.peakBytes
        this.launcherWhileRunning = Math.max(this.launcherWhileRunning ?? 0, now)
      }
    } catch {
      // Sampling is best effort: a failed sample leaves the peaks seen so far.
    } finally {
      this.busy = false
    }
  }

  /** The launcher's own figures (null unless the root is a launcher and was sampled). */
  launcher(): LauncherMemory | null {
    const peak = this.peaks.get(this.rootPid)
    return this.rootIsLauncher && peak !== undefined
      ? { peakBytes: peak, whileRunningBytes: this.launcherWhileRunning }
      : null
  }

  /** Stops sampling; returns the service's peak in bytes, or null when nothing could be sampled. */
  stop(): number | null {
    if (this.timer) clearInterval(this.timer)
    const launcher = this.launcher()
    return servicePeakBytes(this.peaks, launcher ? { pid: this.rootPid, ...launcher } : undefined)
  }
}
