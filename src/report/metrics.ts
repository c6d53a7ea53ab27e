import type { Arch, OsName } from '../platform.js'
import type { BackendName, BuildMode } from '../inputs.js'
import type { SmokeResult, Verdict } from '../validate/verdict.js'
import type { Regression } from '../regression/types.js'
import type { ParityResult } from '../validate/index.js'
import type { Addition, ExecutableAddition, LeftOut } from '../trace/findings.js'
import type { PackageDataAdded } from '../backends/types.js'
import type { Evidence } from '../validate/diagnose.js'
import type { GlibcFloor } from '../validate/portability.js'
import type { LauncherMemory } from '../run/memory.js'

/** metrics.json, schema 1. Field names are public: workflows and the regression check read them. */
export interface Metrics {
  schema: 1
  name: string
  os: OsName
  arch: Arch
  mode: BuildMode
  /** The build backend (absent in files written before there was a choice: PyInstaller). */
  backend?: BackendName
  /** Tool versions; the backend's own under its name (pyinstaller or nuitka). */
  versions: {
    python: string
    poetry: string
    pyinstaller?: string
    nuitka?: string
    upx: string | null
  }
  binary: { path: string; sizeBytes: number; sha256: string }
  upx: {
    requested: boolean
    applied: boolean
    reason: string
    filesCompressed: number
    filesFailed: number
  }
  strip: boolean
  /**
   * The settings that make two clean builds byte-identical (checked by an integration test on
   * Linux); a null epoch means the project is not in a git checkout and the build is not reproducible.
   */
  reproducibility?: { sourceDateEpoch: number | null; pythonHashSeed: number }
  startup: {
    args: string[]
    runs: number
    coldMs: number
    medianMs: number
    p95Ms: number
    cv: number
    poetryRunMedianMs: number | null
    poetryRunColdMs: number | null
    /**
     * How the binary unpacks itself: `none` (onedir), `per-start` (PyInstaller onefile, into a fresh
     * temp folder at every start, so cold and warm both pay for it) or `cached` (Nuitka onefile:
     * once, then reused). `firstStartMs` is what the first start costs over a warm one (cold − warm).
     */
    extraction?: {
      kind: 'none' | 'per-start' | 'cached'
      dir?: string
      firstStartMs: number
      /** Compressed payload over the files it carries (Nuitka onefile), when the build said. */
      payloadRatio?: number
      /** The zstd level of that payload (nuitka-compression). */
      payloadLevel?: number
    }
    /**
     * The same analysis built as onedir and timed like the binary, when a onefile that unpacks at
     * every start was slower than `poetry run` (the start-time advice is made from it).
     */
    onedir?: { medianMs: number; coldMs: number; buildMs: number }
    /** The default startup command did not exit on either side: the figures are time-outs, not judged. */
    unanswered?: boolean
  }
  memory: {
    /** The service's peak: every process's own, a onefile launcher's while the program ran. */
    peakRssBytes: number | null
    poetryRunPeakRssBytes: number | null
    /** The onefile launcher's own peak (at start-up) and what it held while the program ran. */
    launcher?: LauncherMemory
  }
  /** Linux: the highest glibc any carried ELF file needs, the file, and where that runs. */
  glibcFloor?: GlibcFloor | null
  /** macOS: the highest minimum macOS version of the carried Mach-O files. */
  macosMin?: { version: string; file: string } | null
  /** The CycloneDX JSON SBOM of what the binary bundles (uploaded with the artifact). */
  sbomPath?: string | null
  /** One line: where the binary runs ("glibc 2.35+ (set by …): Ubuntu 22.04+, …"). */
  runsOn?: string
  smoke: SmokeResult[]
  /** Each parity command: exit codes of both sides, and whether exit code and stdout agreed. */
  parity?: ParityResult[]
  /** What tracing the poetry run side added to the build, and why (the commands that needed it). */
  trace?: {
    enabled: boolean
    commands: string[]
    added: {
      hiddenImports: Addition[]
      collectData: Addition[]
      copyMetadata: Addition[]
      /** Folders of `.py` files read as files (`package` or `package/sub/dir`), bundled as files. */
      collectSources?: Addition[]
      /** Shared libraries loaded with ctypes, bundled. */
      sharedLibraries?: Addition[]
      /** Folders put on sys.path at run time (or PYTHONPATH) that modules came from: searched by the build. */
      searchPaths?: Addition[]
      /** Executables of the venv (on PATH under poetry run) carried on the binary's children's PATH. */
      executables?: ExecutableAddition[]
    }
    /** Of the added modules, those the backend's own analysis had not found (null: cannot tell). */
    analysisMissed?: string[] | null
    /**
     * Modules package-modules left out: they need, when they load, a distribution the project does
     * not require and no traced command loaded (per package and distribution).
     */
    packageModulesLeftOut?: LeftOut[]
    /**
     * Top-level packages left out of the build (leave-out-unrequired): their distributions are in
     * the environment, but the project does not require them and no traced command loaded them.
     */
    unrequired?: Addition[]
    /** The program started its own interpreter again (`sys.executable -c/-m/script`). */
    reentry?: Addition[]
    /** Top-level modules the program found through PYTHONPATH. */
    pythonpath?: Addition[]
  }
  /** Bytes the default data and metadata inclusion (package-data) added, per distribution; null when off. */
  packageData?: PackageDataAdded[] | null
  /** What the archive holds, by top-level package or shared library, biggest first. */
  composition: { package: string; bytes: number; kinds: string[]; distribution: string | null }[]
  /** Bytes of the archive content the composition adds up to (the bootloader is the rest). */
  archiveBytes: number | null
  /** Third-party packages bundled but imported by none of the traced poetry run commands. */
  deadWeight: { package: string; bytes: number }[]
  /** How many traced commands the dead-weight list rests on; not meaningful with --help/--version only. */
  deadWeightCoverage?: { commands: number; meaningful: boolean; candidates: number }
  diagnosis: {
    missingModules: string[]
    kinds: { modules: string[]; packages: string[]; absent: string[] }
    /** Packages whose data files the binary lacked, with the line that showed it. */
    missingData?: Evidence[]
    /** Distributions whose metadata the binary lacked, with the line that showed it. */
    missingMetadata?: Evidence[]
    suggestion: string | null
    autoFixedImports: string[]
  }
  notes: string[]
  buildWarnings: { missingModules: { name: string; importedBy: string[] }[] }
  /** What each cache did this run. */
  cache: {
    kind: string
    result: string
    key: string
    matchedKey: string | null
    restoreMs: number
    saved: string | null
  }[]
  thresholds: { maxSizeBytes: number; maxStartupMs: number; maxMemoryBytes: number | null }
  baseline: {
    sizeBytes: number
    startupMs: number
    source: string
    runId: number | null
    sha: string | null
  } | null
  /** How this build compares with the baseline (null when not compared). */
  regression: Regression | null
  verdict: Verdict
  timings: Record<string, number>
}

/** Checks an object against the schema-1 shape; returns the problems found. Pure. */
export function schemaProblems(value: unknown): string[] {
  const problems: string[] = []
  const m = value as Record<string, unknown>
  const need = (key: string, type: string): void => {
    if (typeof m?.[key] !== type) problems.push(`${key} should be ${type}`)
  }
  if (m?.schema !== 1) problems.push('schema should be 1')
  need('name', 'string')
  need('os', 'string')
  need('arch', 'string')
  need('mode', 'string')
  for (const key of ['versions', 'binary', 'startup', 'memory', 'thresholds', 'verdict', 'timings'])
    need(key, 'object')
  for (const key of ['smoke', 'composition', 'deadWeight']) {
    if (!Array.isArray(m?.[key])) problems.push(`${key} should be an array`)
  }
  const binary = m?.binary as Record<string, unknown> | undefined
  if (typeof binary?.sizeBytes !== 'number') problems.push('binary.sizeBytes should be number')
  if (typeof binary?.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(binary.sha256))
    problems.push('binary.sha256 should be hex')
  const startup = m?.startup as Record<string, unknown> | undefined
  for (const key of ['runs', 'coldMs', 'medianMs', 'p95Ms', 'cv']) {
    if (typeof startup?.[key] !== 'number') problems.push(`startup.${key} should be number`)
  }
  const verdict = m?.verdict as Record<string, unknown> | undefined
  if (typeof verdict?.passed !== 'boolean') problems.push('verdict.passed should be boolean')
  if (!Array.isArray(verdict?.failures)) problems.push('verdict.failures should be an array')
  return problems
}
