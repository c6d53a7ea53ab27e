import * as fs from 'node:fs'
import * as path from 'node:path'
import type { RunContext } from '../context.js'
import type { BuildInputs } from '../inputs.js'
import type { ProjectInfo } from '../project/discover.js'
import type { PythonInfo } from '../tools/python.js'
import { shortHash, type KeyFacts } from './keys.js'

/** The backend and its version as cache keys name them (`pyi6.22.3` keeps PyInstaller's keys as they were). */
function builderFact(inputs: BuildInputs): string {
  return inputs.backend === 'nuitka'
    ? `nuitka${inputs.nuitkaVersion}`
    : `pyi${inputs.pyinstallerVersion}`
}

/** The groups and extras a venv was synced with, for its cache key. Pure. */
function installSelection(inputs: BuildInputs): string {
  const extras = inputs.extras === 'all' ? ['*all*'] : inputs.extras
  // Since the main group only is synced, a venv from a plain `poetry install` is not this one.
  return `\nonly=main;extras=${[...extras].sort().join(',')};groups=${[...inputs.groups].sort().join(',')}`
}

/** Facts every cache key is made of. */
export function keyFacts(
  inputs: BuildInputs,
  project: ProjectInfo,
  python: PythonInfo,
  ctx: RunContext
): KeyFacts {
  const lock = project.lockPath ?? path.join(project.path, 'pyproject.toml')
  return {
    os: ctx.platform.os,
    arch: ctx.platform.arch,
    python: python.version,
    poetry: inputs.poetryVersion,
    builder: builderFact(inputs),
    upx: inputs.upx === 'false' ? null : inputs.upxPath ? 'custom' : inputs.upxVersion,
    // What `poetry install` installs depends on the extras and groups too (unchanged keys without them).
    lockHash: shortHash(
      Buffer.concat([fs.readFileSync(lock), Buffer.from(installSelection(inputs))])
    )
  }
}
