import { describe, expect, it } from '@jest/globals'
import {
  parseProcStatus,
  parsePsOutput,
  parseWindowsProcessCsv,
  processTree,
  servicePeakBytes
} from '../../src/run/memory.js'
import { launcherNote } from '../../src/report/summary.js'
import { serviceChecks, SIGTERM_HINT } from '../../src/validate/service.js'
import { makePlatform } from '../../src/platform.js'

const STATUS = `Name:\tagent-runner
Umask:\t0022
State:\tS (sleeping)
Tgid:\t4242
Pid:\t4242
PPid:\t4241
VmPeak:\t  123456 kB
VmSize:\t  120000 kB
VmHWM:\t   20480 kB
VmRSS:\t   18000 kB
Threads:\t1
`

describe('memory parsers', () => {
  it('reads VmHWM, VmRSS and PPid from /proc/<pid>/status', () => {
    expect(parseProcStatus(STATUS)).toEqual({
      peakBytes: 20480 * 1024,
      rssBytes: 18000 * 1024,
      ppid: 4241
    })
    expect(parseProcStatus('Name:\tzombie\nPPid:\t1\n')).toEqual({
      peakBytes: undefined,
      rssBytes: undefined,
      ppid: 1
    })
  })

  it('reads macOS ps output (rss in KiB: the peak so far and the RSS now)', () => {
    const text =
      '  501   1  2048 /usr/sbin/daemon\n  900 501 19000 /tmp/dist/agent-runner serve\n  901 900 40000 /tmp/dist/agent-runner serve\n'
    expect(parsePsOutput(text)).toEqual([
      {
        pid: 501,
        ppid: 1,
        peakBytes: 2048 * 1024,
        rssBytes: 2048 * 1024,
        command: '/usr/sbin/daemon'
      },
      {
        pid: 900,
        ppid: 501,
        peakBytes: 19000 * 1024,
        rssBytes: 19000 * 1024,
        command: '/tmp/dist/agent-runner serve'
      },
      {
        pid: 901,
        ppid: 900,
        peakBytes: 40000 * 1024,
        rssBytes: 40000 * 1024,
        command: '/tmp/dist/agent-runner serve'
      }
    ])
  })

  it('reads the Windows process CSV, quotes and empty command lines included', () => {
    const csv = [
      '"ProcessId","ParentProcessId","Peak","CommandLine"',
      '"4","0","120",',
      '"7000","6000","25000","C:\\a\\agent-runner.exe serve --name ""x"""',
      '"7001","7000","51000","C:\\a\\agent-runner.exe serve"'
    ].join('\r\n')
    expect(parseWindowsProcessCsv(csv)).toEqual([
      { pid: 4, ppid: 0, peakBytes: 120 * 1024, command: '' },
      {
        pid: 7000,
        ppid: 6000,
        peakBytes: 25000 * 1024,
        command: 'C:\\a\\agent-runner.exe serve --name "x"'
      },
      { pid: 7001, ppid: 7000, peakBytes: 51000 * 1024, command: 'C:\\a\\agent-runner.exe serve' }
    ])
  })

  it('collects a onefile bootloader and its Python child as one tree', () => {
    const procs = [
      { pid: 1, ppid: 0, peakBytes: 1, command: 'init' },
      { pid: 10, ppid: 1, peakBytes: 2, command: 'bootloader' },
      { pid: 11, ppid: 10, peakBytes: 30, command: 'python child' },
      { pid: 12, ppid: 11, peakBytes: 4, command: 'grandchild' },
      { pid: 20, ppid: 1, peakBytes: 99, command: 'unrelated' }
    ]
    expect(processTree(10, procs).map(p => p.pid)).toEqual([10, 11, 12])
  })
})

describe('serviceChecks', () => {
  const o = {
    readyTimeoutMs: 30_000,
    sigtermTimeoutMs: 10_000,
    platform: makePlatform('linux', 'x64')
  }
  const base = {
    ready: true,
    readyMs: 120,
    exitedEarly: null,
    peakRssBytes: 1,
    output: 'ready\nbye\n'
  }

  it('passes a clean exit 0 after SIGTERM', () => {
    expect(
      serviceChecks({ ...base, sigterm: { exitCode: 0, signal: null, ms: 15, timedOut: false } }, o)
    ).toEqual([
      { name: 'service ready', passed: true, ms: 120, detail: 'ready after 120 ms' },
      { name: 'SIGTERM', passed: true, ms: 15, detail: 'exit 0 15 ms after SIGTERM' }
    ])
  })

  it('fails a service that ignores SIGTERM, with its last output', () => {
    const checks = serviceChecks(
      {
        ...base,
        output: 'ready\nstill working\n',
        sigterm: { exitCode: null, signal: null, ms: 10_000, timedOut: true }
      },
      o
    )
    expect(checks[1]).toEqual({
      name: 'SIGTERM',
      passed: false,
      ms: 10_000,
      detail: `still running 10000 ms after SIGTERM, killed; last output: ready | still working. ${SIGTERM_HINT}`
    })
  })

  it('passes an end by SIGTERM when the program ends the same way under poetry run, and says so', () => {
    const killed = { exitCode: null, signal: 'SIGTERM', ms: 4, timedOut: false }
    const same = serviceChecks({ ...base, sigterm: killed }, o, [], killed)[1]
    expect(same.passed).toBe(true)
    expect(same.detail).toMatch(/^exit SIGTERM after SIGTERM, as under poetry run/)
    // Under poetry run it drained and exited 0: the binary's death by the signal is a failure.
    // A onefile launcher's exit 143 is its child's death by SIGTERM.
    const launcher = { exitCode: 143, signal: null, ms: 4, timedOut: false }
    expect(serviceChecks({ ...base, sigterm: launcher }, o, [], killed)[1].passed).toBe(true)
    const clean = { exitCode: 0, signal: null, ms: 9, timedOut: false }
    expect(serviceChecks({ ...base, sigterm: killed }, o, [], clean)[1].passed).toBe(false)
  })

  it('fails a non-zero exit and a service that never got ready', () => {
    expect(
      serviceChecks(
        { ...base, sigterm: { exitCode: 143, signal: null, ms: 5, timedOut: false } },
        o
      )[1].detail
    ).toMatch(/^exit 143 after SIGTERM \(expected 0\)/)
    const early = serviceChecks(
      {
        ...base,
        ready: false,
        readyMs: null,
        sigterm: null,
        exitedEarly: { exitCode: 1, signal: null },
        output: 'Traceback\nboom'
      },
      o
    )
    expect(early).toEqual([
      {
        name: 'service ready',
        passed: false,
        ms: 30_000,
        detail: 'exited (1) before it was ready; last output: Traceback | boom'
      }
    ])
  })

  it('reports SIGTERM as skipped on Windows, not as passed', () => {
    const checks = serviceChecks(
      { ...base, sigterm: null },
      { ...o, platform: makePlatform('windows', 'x64') }
    )
    expect(checks[1]).toMatchObject({
      name: 'SIGTERM',
      skipped: true,
      detail: expect.stringContaining('windows has no SIGTERM')
    })
  })
})

describe('the service peak with a onefile launcher', () => {
  const MB = 1024 * 1024
  // A Nuitka onefile service: the launcher mapped its 60 MB payload to check it, then held 5 MB
  // while the program (40 MB peak) and a worker it started (10 MB) ran.
  const peaks = new Map([
    [100, 60 * MB],
    [101, 40 * MB],
    [102, 10 * MB]
  ])

  it('counts every process at its own peak when there is no launcher (poetry run, onedir)', () => {
    expect(servicePeakBytes(peaks)).toBe(110 * MB)
    expect(servicePeakBytes(new Map())).toBeNull()
  })

  it('counts the launcher with what it held while the program ran, not its start-up peak', () => {
    expect(
      servicePeakBytes(peaks, { pid: 100, peakBytes: 60 * MB, whileRunningBytes: 5 * MB })
    ).toBe(55 * MB)
    // Its child was never seen (it failed before starting one): its peak is all there is.
    expect(servicePeakBytes(peaks, { pid: 100, peakBytes: 60 * MB, whileRunningBytes: null })).toBe(
      110 * MB
    )
  })

  it('says in the summary how the launcher was counted', () => {
    expect(launcherNote({ peakBytes: 60 * MB, whileRunningBytes: 5 * MB })).toBe(
      "Peak RSS: the program's processes at their peaks plus the onefile launcher as it stood while the program ran (5.0 MiB); the launcher's own start-up peak of 60.0 MiB, while it unpacks or checks the payload, is over before the program starts."
    )
  })
})
