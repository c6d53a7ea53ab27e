import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterEach, describe, expect, it, jest } from '@jest/globals'
import { terminalHost } from '../../src/hosts/terminal.js'
import { RunLog } from '../../src/terminal/log.js'
import { exitCode } from '../../src/terminal/exit-code.js'
import { InputError } from '../../src/errors.js'
import { sampleMetrics } from '../../__fixtures__/metrics.js'

function setup(options: { verbose?: boolean; clock?: { t: number } } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-term-'))
  const log = new RunLog(path.join(dir, 'run.log'))
  const shown: string[] = []
  const clock = options.clock
  const host = terminalHost({
    display: text => void shown.push(...text.replace(/\n$/, '').split('\n')),
    log,
    width: 80,
    color: false,
    verbose: options.verbose ?? false,
    now: clock ? () => clock.t : undefined
  })
  const logText = (): string => fs.readFileSync(log.path, 'utf8')
  return { host, log, shown, logText, clock }
}

/** A stage that moves the fake clock forward by ms. */
const takes = (clock: { t: number }, ms: number) => async (): Promise<void> => {
  clock.t += ms
}

afterEach(() => {
  jest.useRealTimers()
})

describe('terminalHost', () => {
  it('shows one line per stage with its time and groups; info and tool lines go to the log only', async () => {
    const clock = { t: 0 }
    const { host, shown, logText } = setup({ clock })
    await host.stage!('build', async () => {
      host.info('Generated spec /w/a.spec')
      await host.group('PyInstaller build of app', async () => {
        host.toolLine('62 INFO: PyInstaller: 6.22.3')
        clock.t += 9280
      })
    })
    await host.stage!('validate', takes(clock, 3000))
    host.close()
    expect(shown).toEqual([
      '  ✓ build      9.28 s  PyInstaller build of app',
      '  ✓ validate   3.00 s'
    ])
    expect(logText()).toContain('Generated spec /w/a.spec\n▶ PyInstaller build of app\n62 INFO')
  })

  it('shares a line between back-to-back runs of a stage, and quick runs in between wait', async () => {
    const clock = { t: 0 }
    const { host, shown } = setup({ clock })
    await host.stage!('tools', takes(clock, 200))
    await host.stage!('cache', takes(clock, 0))
    await host.stage!('tools', takes(clock, 1000))
    await host.stage!('cache', takes(clock, 1))
    await host.stage!('tools', takes(clock, 3000))
    await host.stage!('trace', takes(clock, 1500))
    host.close()
    expect(shown).toEqual([
      '  ✓ tools      4.20 s',
      '  ✓ cache        1 ms',
      '  ✓ trace      1.50 s'
    ])
  })

  it('marks a stage that threw with ✗ at once', async () => {
    const clock = { t: 0 }
    const { host, shown } = setup({ clock })
    await expect(
      host.stage!('build', async () => {
        clock.t += 500
        throw new Error('boom')
      })
    ).rejects.toThrow('boom')
    expect(shown).toEqual(['  ✗ build      500 ms'])
  })

  it('prints a progress line every 30 s of a long stage, and stops when it ends', async () => {
    jest.useFakeTimers()
    const { host, shown } = setup()
    let finish = (): void => {}
    const running = host.stage!('build', () => new Promise<void>(resolve => (finish = resolve)))
    host.toolLine('4865 INFO: Warnings written to /w/build/warn.txt')
    jest.advanceTimersByTime(65_000)
    finish()
    await running
    jest.advanceTimersByTime(120_000)
    host.close()
    expect(shown).toEqual([
      '  … build        30 s so far  4865 INFO: Warnings written to /w/build/warn.txt',
      '  … build        60 s so far  4865 INFO: Warnings written to /w/build/warn.txt',
      '  ✓ build     65.00 s'
    ])
    expect(jest.getTimerCount()).toBe(0)
  })

  it('does not split a stage line for a progress line of the same stage', async () => {
    jest.useFakeTimers()
    const { host, shown } = setup()
    await host.stage!('tools', async () => {})
    await host.stage!('cache', async () => {})
    let finish = (): void => {}
    const running = host.stage!('tools', () => new Promise<void>(resolve => (finish = resolve)))
    jest.advanceTimersByTime(31_000)
    finish()
    await running
    host.close()
    expect(shown.map(l => l.replace(/\d+(\.\d+)? (ms|s)/, 'T'))).toEqual([
      '  … tools        T so far',
      '  ✓ tools     T',
      '  ✓ cache        T'
    ])
  })

  it('handles workflow commands itself: debug to the log, masks applied, warnings shown', () => {
    const { host, shown, logText } = setup()
    host.toolLine('::debug::checking cache: /root/.cache')
    host.toolLine('::add-mask::s3cret')
    host.toolLine('token is s3cret')
    host.toolLine('::group::Installing')
    host.toolLine('::endgroup::')
    host.toolLine('::warning title=Cache::Failed to save s3cret')
    host.toolLine('::set-output name=x::1')
    host.close()
    expect(shown).toEqual(['  warning (Cache): Failed to save ***'])
    const text = logText()
    expect(text).toContain('debug: checking cache: /root/.cache')
    expect(text).toContain('token is ***')
    expect(text).toContain('▶ Installing')
    expect(text).not.toContain('s3cret')
    expect(text).not.toMatch(/^::/m)
  })

  it('keeps error annotations and the failure for the closing report; the log tail is tool output', () => {
    const { host, shown, log } = setup()
    host.toolLine('pip: ERROR: No matching distribution for foo')
    host.debug('stage build: 10 ms')
    host.error('Binary size exceeds max-size', { title: 'app: validation failed' })
    const cause = new InputError('max-size', 'is not a size')
    host.setFailed('Input "max-size": is not a size', cause)
    expect(shown).toEqual([])
    expect(host.errors).toEqual(['Binary size exceeds max-size'])
    expect(host.failure).toEqual({ message: 'Input "max-size": is not a size', cause })
    expect(log.tail(5)).toEqual(['pip: ERROR: No matching distribution for foo'])
  })

  it('shows every tool line with --verbose', () => {
    const { host, shown } = setup({ verbose: true })
    host.toolLine('Installing collected packages: altgraph')
    host.info('Python 3.11.7')
    expect(shown).toEqual(['Installing collected packages: altgraph', 'Python 3.11.7'])
  })

  it('wraps a long warning to the width', () => {
    const { host, shown } = setup()
    host.warning('x '.repeat(100))
    for (const line of shown) expect(line.length).toBeLessThanOrEqual(80)
    expect(shown.length).toBeGreaterThan(2)
  })
})

describe('exitCode', () => {
  const passed = { metrics: sampleMetrics() }
  const failed = { metrics: sampleMetrics({ verdict: { passed: false, failures: ['x'] } }) }
  it('is 0 passed, 1 failed, 2 bad input', () => {
    expect(exitCode(passed, undefined)).toBe(0)
    expect(exitCode(failed, { cause: undefined })).toBe(1)
    expect(exitCode(undefined, { cause: new Error('pip failed') })).toBe(1)
    expect(exitCode(undefined, { cause: new InputError('max-size', 'bad') })).toBe(2)
    expect(exitCode(passed, { cause: undefined })).toBe(1)
  })
})
