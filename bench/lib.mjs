// Helpers the bench scripts share: timing a command side by side with another in one loop.
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'

/**
 * How the bare project venv runs the entry the binary was built from: the build's own launcher
 * script (build/binary-action/*-launcher.py) under <project>/.venv/bin/python, or the script
 * itself for a script entry. Null when the venv or the entry is not there.
 */
export function bareVenvCommand(projectDir, scriptCandidates = ['src/main.py', 'main.py']) {
  const python = path.join(projectDir, '.venv', 'bin', 'python')
  const specDir = path.join(projectDir, 'build', 'binary-action')
  const launcher = fs.existsSync(specDir)
    ? fs.readdirSync(specDir).find(f => f.endsWith('-launcher.py'))
    : undefined
  const script = launcher
    ? path.join(specDir, launcher)
    : scriptCandidates.map(f => path.join(projectDir, f)).find(f => fs.existsSync(f))
  if (!script || !fs.existsSync(python)) return null
  return [python, script]
}

/**
 * Median wall time of each command, run interleaved (a, b, a, b, ...) so that both see the same
 * machine: one unmeasured warm-up each, then `runs` timed runs each. Commands are [file, ...args].
 * A command that ran past the time limit or could not start gets null, not a time.
 */
export function timeSideBySide(commands, { runs = 7, cwd, env, timeoutMs = 120_000 } = {}) {
  const times = commands.map(() => [])
  const broken = commands.map(() => false)
  for (let i = 0; i <= runs; i++) {
    commands.forEach(([file, ...args], k) => {
      if (broken[k]) return
      const t = process.hrtime.bigint()
      const r = spawnSync(file, args, { cwd, env, stdio: 'ignore', timeout: timeoutMs })
      if (r.error || r.signal) broken[k] = true
      else if (i > 0) times[k].push(Number(process.hrtime.bigint() - t) / 1e6)
    })
  }
  return times.map((t, k) => {
    if (broken[k]) return null
    const sorted = [...t].sort((a, b) => a - b)
    return Math.round(sorted[Math.floor(sorted.length / 2)])
  })
}

/**
 * PATH with ccache's folder (scripts/install-ccache.sh) in front when it is installed, as a Nuitka
 * user is told to: Nuitka's rebuilds then take unchanged C files from its ccache folder.
 */
export function pathWithCcache(envPath = process.env.PATH ?? '') {
  const ccacheBin = path.join(process.env.HOME ?? '', '.cache/poetry-binary-action/ccache/bin')
  return [fs.existsSync(ccacheBin) ? ccacheBin : '', envPath].filter(Boolean).join(path.delimiter)
}

/** A tier project's inputs.json as CLI flag values (lists joined by newlines); {} when it has none. */
export function readTierInputs(tierDir, name) {
  const file = path.join(tierDir, name, 'inputs.json')
  if (!fs.existsSync(file)) return {}
  const raw = JSON.parse(fs.readFileSync(file, 'utf8'))
  return Object.fromEntries(
    Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.join('\n') : String(v)])
  )
}

/**
 * Runs a tier project's action-env.sh (`start` or `stop` DIR) when it has one: what its action runs
 * need around them (a Temporal dev server). Throws with the script's last lines when it fails.
 */
export function tierActionEnv(tierDir, name, verb, dir) {
  const script = path.join(tierDir, name, 'action-env.sh')
  if (!fs.existsSync(script)) return
  const r = spawnSync('bash', [script, verb, dir], { encoding: 'utf8', timeout: 600_000 })
  if (r.status !== 0) {
    const last = (r.stderr ?? '').trimEnd().split('\n').slice(-5).join('\n')
    throw new Error(`${name}: action-env.sh ${verb} failed: ${last}`)
  }
}
