/** What the tools stage hands on (types only, so the backends can name it without a cycle). */
import type { BackendName } from '../inputs.js'
import type { PoetryInfo } from './poetry.js'
import type { PythonInfo } from './python.js'
import type { ProjectEnv } from './project-env.js'
import type { UpxDecision, UpxInfo } from './upx.js'

/** The build tools: Poetry, UPX (when used) and whether to strip. */
export interface Tools {
  python: PythonInfo
  poetry: PoetryInfo
  upx?: UpxInfo
  upxDecision: UpxDecision
  strip: boolean
}

/** Everything the build needs, installed and probed. */
export interface Toolchain extends Tools {
  projectEnv: ProjectEnv
  /** The build backend installed in the project environment. */
  builder: { name: BackendName; label: string; version: string }
}
