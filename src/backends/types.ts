/**
 * The backend interface: what a build backend (PyInstaller, Nuitka) provides, so that the stages
 * after the build see one BuildResult and never the backend itself.
 */
import type { BackendName, BuildInputs } from '../inputs.js'
import type { RunContext } from '../context.js'
import type { ProjectInfo } from '../project/discover.js'
import type { Toolchain } from '../tools/toolchain.js'
import type { ProjectEnv } from '../tools/project-env.js'
import type { UpxInfo } from '../tools/upx.js'
import type { Fixes } from '../validate/diagnose.js'
import type { Composition } from '../validate/composition.js'
import type { CarriedExecutable } from './executables.js'

/** A module the backend's own analysis could not find, with who imports it and how. */
export interface MissingModule {
  name: string
  /** Importers with how they import it: top-level, delayed, conditional, optional. */
  importedBy: { module: string; kinds: string[] }[]
  /** Imported unconditionally at module level by at least one importer (the ones that break at run time). */
  topLevel: boolean
}

/** What every backend's build returns: all that the stages after the build see. */
export interface BuildResult {
  binaryPath: string
  /** The folder to publish: the binary itself for onefile, its folder for onedir. */
  bundlePath: string
  /** Modules the backend's analysis reported missing (empty when it reports none). */
  missingModules: MissingModule[]
  /** What UPX really did, read from the build's log (nothing attempted when UPX was off). */
  upx: UpxOutcome
  sourceDateEpoch?: string
  ms: number
  /** How a onefile binary unpacks itself, so startup can be measured cold and warm. */
  extraction: Extraction
  /** The binary's files as a folder, when the build left one (Nuitka). */
  contentsDir?: string
  /** What the default data and metadata inclusion (input package-data) added, per distribution. */
  packageData?: PackageDataAdded[]
  /**
   * A compressed onefile payload's size against the files it carries (0.31: 31%), when the backend
   * can tell (Nuitka onefile).
   */
  payloadRatio?: number
  /** The zstd level it was compressed at (Nuitka onefile, nuitka-compression). */
  payloadLevel?: number
  /**
   * Modules the trace added that the backend's own analysis had not found (read from its log),
   * or undefined when the backend cannot tell.
   */
  analysisMissed?: string[]
}

/** Bytes one distribution (or a package that belongs to none) added through package-data. */
export interface PackageDataAdded {
  distribution: string
  dataBytes: number
  dataFiles: number
  metadataBytes: number
  /** Compiler inputs (C/Rust/Go/Cython sources, build trees) package-data left out, if any. */
  buildInputsFiles?: number
  buildInputsBytes?: number
}

/**
 * `none`: nothing to unpack (onedir). `per-start`: a fresh temp folder at every start (PyInstaller
 * onefile). `cached`: once into `dir`, reused by later starts (Nuitka onefile).
 */
export type Extraction = { kind: 'none' } | { kind: 'per-start' } | { kind: 'cached'; dir: string }

export interface UpxOutcome {
  /** The backend said UPX is available and enabled for this platform. */
  enabled: boolean
  /** Files the backend ran UPX on. */
  attempted: number
  /** Files UPX failed on (the backend then keeps them uncompressed). */
  failed: number
  /** First UPX error message, if any. */
  firstError?: string
  /** The files UPX did compress (the backend's cached copies), for `upx -t`. */
  compressedFiles?: string[]
}

/** What one build asks of a backend: the inputs plus what the trace and any auto-fix add. */
export interface BuildPlan {
  inputs: BuildInputs
  project: ProjectInfo
  tools: Toolchain
  outDir: string
  /** Hidden imports, submodules, data and metadata on top of the inputs. */
  fix: Fixes
  /** What the trace found beyond the four fix kinds: source folders read as files, ctypes libraries. */
  traced: TracedFiles
  /** The UPX to use, or undefined for a build without UPX. */
  upx?: UpxInfo
}

/** Files the program used that no import names. */
export interface TracedFiles {
  /** Folders of `.py` files read as files: `package` or `package/sub/dir`. */
  sources: string[]
  /** Shared libraries (absolute paths) loaded with ctypes. */
  sharedLibraries: string[]
  /** Modules the traced runs loaded (for backends that map them to distributions themselves). */
  loadedModules: string[]
  /** Folders the program searched for modules beyond the project's (sys.path added at run time, PYTHONPATH). */
  searchPaths: string[]
  /** Executables to carry on the children's PATH (python's wrappers come with any list); null: none. */
  executables: CarriedExecutable[] | null
  /** Top-level packages of distributions the project does not require and no traced run loaded. */
  excludes: string[]
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
  /** The backend's command-line arguments, when it is driven by flags (Nuitka). */
  args?: string[]
  /** Where a onefile binary with a cached extraction unpacks itself on this machine. */
  extractionDir?: string
}

/** How validation switches on the bundled probe (names of env vars), or null without one. */
export interface ProbeSwitch {
  /** Env var naming the file prefix the probe writes to. */
  prefixEnv: string
  /** Env var listing the variables whose presence the probe records. */
  keysEnv: string
}

export interface Backend {
  readonly name: BackendName
  /** How the log names it: PyInstaller, Nuitka. */
  readonly label: string
  /** The pinned version the inputs ask for. */
  version(inputs: BuildInputs): string
  /** Python code printing the version installed in an environment (empty when absent). */
  readonly versionCode: string
  /** Installs the pinned backend into the project environment; returns the version there. */
  install(projectEnv: ProjectEnv, inputs: BuildInputs, ctx: RunContext): Promise<string>
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
  /**
   * A folder holding the binary's files as they run (the onedir folder, or what the onefile
   * archive carries), for reading its native libraries; undefined when it cannot be had.
   */
  contents(build: BuildResult, tools: Toolchain, ctx: RunContext): Promise<string | undefined>
  /** Lists what the binary contains, grouped by package and library. */
  composition(
    build: BuildResult,
    tools: Toolchain,
    ctx: RunContext
  ): Promise<Composition | undefined>
  /**
   * For a onefile that unpacks itself at every start: builds the same analysis as a onedir
   * bundle in a folder of its own (a cheap build: the analysis is reused) and returns its
   * executable and the folder to remove afterwards, so the start-time advice can say what
   * `mode: onedir` would change, measured.
   */
  onedirProbe?(plan: BuildPlan, ctx: RunContext): Promise<{ binary: string; folder: string }>
}
