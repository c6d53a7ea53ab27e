/**
 * The backend interface: what a build backend (PyInstaller today) provides, so that the stages
 * after the build see one BuildResult and never the backend itself.
 */
import type { BuildInputs } from '../inputs.js'
import type { RunContext } from '../context.js'
import type { ProjectInfo } from '../spec/discover.js'
import type { Toolchain } from '../tools/index.js'
import type { UpxInfo } from '../tools/upx.js'
import type { Fixes } from '../validate/diagnose.js'
import type { Composition } from '../validate/composition.js'
import type { BuildResult } from '../build/pyinstaller.js'

/** What one build asks of a backend: the inputs plus what the trace and any auto-fix add. */
export interface BuildPlan {
  inputs: BuildInputs
  project: ProjectInfo
  tools: Toolchain
  outDir: string
  /** Hidden imports, submodules, data and metadata on top of the inputs. */
  fix: Fixes
  /** The UPX to use, or undefined for a build without UPX. */
  upx?: UpxInfo
}

/** The backend's own build description, written before the build. */
export interface PreparedBuild {
  /** The file that describes the build (a PyInstaller spec), uploaded with the artifact. */
  specPath: string
  /** False when the user's own description is used as is. */
  generated: boolean
  /** The script `poetry run python <script>` starts for the side-by-side comparisons. */
  script: string
  /** Hash of the description, for the build cache key. */
  sha256: string
  /** Folders worth caching between runs (work folder, compile caches). */
  cachePaths: string[]
}

/** How validation switches on the bundled probe (names of env vars), or null without one. */
export interface ProbeSwitch {
  /** Env var naming the file prefix the probe writes to. */
  prefixEnv: string
  /** Env var listing the variables whose presence the probe records. */
  keysEnv: string
}

export interface Backend {
  readonly name: string
  /** Translates the common options into the backend's own description and writes it. */
  prepare(plan: BuildPlan, ctx: RunContext): PreparedBuild
  /** Builds the binary; `warm` means restored caches may be reused. */
  build(
    plan: BuildPlan,
    prepared: PreparedBuild,
    warm: boolean,
    ctx: RunContext
  ): Promise<BuildResult>
  /** The probe the build carries, if any. */
  probe(prepared: PreparedBuild): ProbeSwitch | null
  /** Lists what the binary contains, grouped by package and library. */
  composition(
    build: BuildResult,
    tools: Toolchain,
    ctx: RunContext
  ): Promise<Composition | undefined>
}
