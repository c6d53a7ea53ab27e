import * as path from 'node:path'
import * as core from '@actions/core'
import { InputError } from './errors.js'
import { parseDuration, parsePercent, parseSize } from './units.js'
import { splitArgs } from './argv.js'

/** Every input name of action.yml, in one place. */
export enum Input {
  ProjectPath = 'project-path',
  Entry = 'entry',
  Name = 'name',
  Spec = 'spec',
  Mode = 'mode',
  HiddenImports = 'hidden-imports',
  CollectSubmodules = 'collect-submodules',
  Excludes = 'excludes',
  Datas = 'datas',
  Optimize = 'optimize',
  Upx = 'upx',
  UpxVersion = 'upx-version',
  UpxPath = 'upx-path',
  UpxSha256 = 'upx-sha256',
  UpxMirror = 'upx-mirror',
  Strip = 'strip',
  PoetryVersion = 'poetry-version',
  PyinstallerVersion = 'pyinstaller-version',
  Backend = 'backend',
  NuitkaVersion = 'nuitka-version',
  NuitkaBytecode = 'nuitka-bytecode',
  NuitkaCompression = 'nuitka-compression',
  NuitkaCOptimize = 'nuitka-c-optimize',
  Python = 'python',
  MaxSize = 'max-size',
  MaxStartup = 'max-startup',
  StartupRuns = 'startup-runs',
  StartupArgs = 'startup-args',
  OutputDir = 'output-dir',
  Smoke = 'smoke',
  Parity = 'parity',
  Trace = 'trace',
  CollectData = 'collect-data',
  CopyMetadata = 'copy-metadata',
  PackageData = 'package-data',
  PackageModules = 'package-modules',
  Executables = 'executables',
  Extras = 'extras',
  Groups = 'groups',
  HonorPythonpath = 'honor-pythonpath',
  LeaveOutUnrequired = 'leave-out-unrequired',
  ServiceExercise = 'service-exercise',
  SmokeEnv = 'smoke-env',
  RunEnv = 'run-env',
  ServiceArgs = 'service-args',
  ReadyPattern = 'ready-pattern',
  ReadyPort = 'ready-port',
  ReadyTimeout = 'ready-timeout',
  SigtermTimeout = 'sigterm-timeout',
  MaxMemory = 'max-memory',
  MaxGlibc = 'max-glibc',
  AutoFixImports = 'auto-fix-imports',
  Cache = 'cache',
  CacheBuild = 'cache-build',
  CacheTimeout = 'cache-timeout',
  Upload = 'upload',
  ArtifactName = 'artifact-name',
  RetentionDays = 'retention-days',
  Baseline = 'baseline',
  MaxSizeIncrease = 'max-size-increase',
  MaxStartupIncrease = 'max-startup-increase',
  StartupIncreaseFloor = 'startup-increase-floor',
  FailOnRegression = 'fail-on-regression',
  Comment = 'comment',
  GithubToken = 'github-token'
}

/** Defaults, identical to action.yml (a unit test keeps them in step) so the CLI behaves the same. */
export const DEFAULTS: Record<Input, string> = {
  [Input.ProjectPath]: '.',
  [Input.Entry]: '',
  [Input.Name]: '',
  [Input.Spec]: '',
  [Input.Mode]: 'onefile',
  [Input.HiddenImports]: '',
  [Input.CollectSubmodules]: '',
  [Input.Excludes]: '',
  [Input.Datas]: '',
  [Input.Optimize]: '0',
  [Input.Upx]: 'auto',
  [Input.UpxVersion]: '4.2.4',
  [Input.UpxPath]: '',
  [Input.UpxSha256]: '',
  [Input.UpxMirror]: 'https://github.com/upx/upx/releases/download',
  [Input.Strip]: 'auto',
  [Input.PoetryVersion]: '2.5.1',
  [Input.PyinstallerVersion]: '6.22.3',
  [Input.Backend]: 'pyinstaller',
  [Input.NuitkaVersion]: '4.3.3',
  [Input.NuitkaBytecode]: 'auto',
  [Input.NuitkaCompression]: '9',
  [Input.NuitkaCOptimize]: '3',
  [Input.Python]: '',
  [Input.MaxSize]: '100MB',
  [Input.MaxStartup]: '3s',
  [Input.StartupRuns]: '5',
  [Input.StartupArgs]: '--version',
  [Input.OutputDir]: '',
  [Input.Smoke]: '',
  [Input.Parity]: '--help\n--version\n',
  [Input.Trace]: 'true',
  [Input.CollectData]: '',
  [Input.CopyMetadata]: '',
  [Input.PackageData]: 'all',
  [Input.PackageModules]: 'all',
  [Input.Executables]: 'all',
  [Input.Extras]: '',
  [Input.Groups]: '',
  [Input.HonorPythonpath]: 'false',
  [Input.LeaveOutUnrequired]: 'true',
  [Input.ServiceExercise]: '',
  [Input.SmokeEnv]: '',
  [Input.RunEnv]: '',
  [Input.ServiceArgs]: '',
  [Input.ReadyPattern]: '',
  [Input.ReadyPort]: '',
  [Input.ReadyTimeout]: '30s',
  [Input.SigtermTimeout]: '10s',
  [Input.MaxMemory]: '',
  [Input.MaxGlibc]: '',
  [Input.AutoFixImports]: 'false',
  [Input.Cache]: 'true',
  [Input.CacheBuild]: 'false',
  [Input.CacheTimeout]: '5m',
  [Input.Upload]: 'true',
  [Input.ArtifactName]: '',
  [Input.RetentionDays]: '',
  [Input.Baseline]: 'auto',
  [Input.MaxSizeIncrease]: '5%',
  [Input.MaxStartupIncrease]: '20%',
  [Input.StartupIncreaseFloor]: '100ms',
  [Input.FailOnRegression]: 'true',
  [Input.Comment]: 'true',
  // action.yml defaults this to ${{ github.token }}, which only the runner can evaluate.
  [Input.GithubToken]: ''
}

export type BuildMode = 'onefile' | 'onedir'

/** `nuitka-bytecode`: third-party as bytecode (`auto`), all compiled (`none`), or these packages. */
export type NuitkaBytecode = 'auto' | 'none' | string[]
/** `report` aggregates the metrics of every matrix leg of this run instead of building. */
export type Mode = BuildMode | 'report'
export type Toggle = 'auto' | 'true' | 'false'
/** The build backends: PyInstaller (default) and Nuitka. */
export type BackendName = 'pyinstaller' | 'nuitka'

export interface DataFile {
  source: string
  dest: string
}

/** Everything the pipeline needs from the user, validated. */
export interface Inputs {
  projectPath: string
  entry?: string
  name?: string
  spec?: string
  mode: Mode
  hiddenImports: string[]
  collectSubmodules: string[]
  excludes: string[]
  datas: DataFile[]
  optimize: 0 | 1 | 2
  upx: Toggle
  upxVersion: string
  upxPath?: string
  upxSha256?: string
  upxMirror: string
  strip: Toggle
  poetryVersion: string
  pyinstallerVersion: string
  backend: BackendName
  nuitkaVersion: string
  /**
   * What Nuitka includes as bytecode instead of compiling it to C: `auto` (third-party packages,
   * the project's own compiled), `none` (compile everything), or a list of packages.
   */
  nuitkaBytecode: NuitkaBytecode
  /** zstd level of the onefile payload (1-22), or `off` to store it as is. */
  nuitkaCompression: number | 'off'
  /** gcc/clang optimization level of Nuitka's C compile (-O1..-O3); 3 is Nuitka's own. */
  nuitkaCOptimize: 1 | 2 | 3
  python?: string
  maxSizeBytes: number
  maxStartupMs: number
  startupRuns: number
  startupArgs: string[]
  outputDir?: string
  /** Extra smoke commands: binary arguments and the exit code they must give. */
  smoke: SmokeCommand[]
  /** Commands run under `poetry run` and as the binary, whose exit code and stdout must agree. */
  parity: ParityCommand[]
  /**
   * The parity and startup commands are the defaults (`--help`, `--version`), not the user's: one
   * the program does not answer under `poetry run` either (a service started by any command line)
   * is then left out, not failed.
   */
  defaultCommands: { parity: boolean; startup: boolean }
  /** Trace the `poetry run` side and bundle what it used (hidden imports, data, metadata). */
  trace: boolean
  /** Packages whose data files are bundled (PyInstaller collect_data_files). */
  collectData: string[]
  /** Distributions whose metadata (*.dist-info) is bundled (PyInstaller copy_metadata). */
  copyMetadata: string[]
  /**
   * Data files and metadata of every bundled distribution: all of them (default), none, or all but
   * the listed distributions / packages.
   */
  packageData: { all: boolean; skip: string[] }
  /**
   * Every module of each package the traced runs loaded: all of them (default), none, or all but
   * the listed packages.
   */
  packageModules: { all: boolean; skip: string[] }
  /**
   * The executables the project's distributions put on PATH under `poetry run` (and `python`),
   * carried on the binary's children's PATH: all (default), none, or all but the listed names or
   * distributions.
   */
  executables: { all: boolean; skip: string[] }
  /** Poetry extras to install and build with; `all` means every extra. */
  extras: string[] | 'all'
  /** Poetry dependency groups installed besides the main one (`poetry install --with`). */
  groups: string[]
  /** The binary adds PYTHONPATH folders to its module search path, as the interpreter does. */
  honorPythonpath: boolean
  /**
   * Distributions in the environment that the project does not require and no traced command
   * loaded are left out of the build (PyInstaller excludes, Nuitka --nofollow-import-to).
   */
  leaveOutUnrequired: boolean
  /** Commands run against the ready service, as the binary and under `poetry run`. */
  serviceExercise: SmokeCommand[]
  /** Variables the binary gets during smoke runs; values are secrets. */
  smokeEnv: Record<string, string>
  /** Variables both sides of every comparison get (not secret), e.g. PYTHONPATH=. */
  runEnv: Record<string, string>
  serviceArgs: string[]
  readyPattern?: RegExp
  readyPort?: number
  readyTimeoutMs: number
  sigtermTimeoutMs: number
  maxMemoryBytes?: number
  /** Highest glibc the binary may need (Linux), e.g. 2.31. */
  maxGlibc?: string
  autoFixImports: boolean
  cache: boolean
  /** Also cache PyInstaller's work folder and bincache (then builds run without --clean). */
  cacheBuild: boolean
  cacheTimeoutMs: number
  upload: boolean
  /** Default (undefined): <name>-<os>-<arch>. */
  artifactName?: string
  retentionDays?: number
  /** auto (base branch / previous commit), none, or a path to a metrics.json. */
  baseline: 'auto' | 'none' | { file: string }
  maxSizeIncreasePct: number
  maxStartupIncreasePct: number
  startupIncreaseFloorMs: number
  failOnRegression: boolean
  comment: boolean
  githubToken?: string
}

export interface SmokeCommand {
  line: string
  args: string[]
  expectedExit: number
}

export interface ParityCommand {
  line: string
  args: string[]
  /** Compare the exit code only (the line ended in `=> exit`), not stdout. */
  exitOnly: boolean
}

/** Inputs of a build (any mode but `report`). */
export type BuildInputs = Omit<Inputs, 'mode'> & { mode: BuildMode }

/** Reads the raw text of one input; empty string when unset. */
export type InputReader = (name: Input) => string

const actionsReader: InputReader = name => core.getInput(name)

const MODULE_NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/
const VERSION = /^\d+(\.\d+){0,3}([a-z]+\d+)?$/
const SHA256 = /^[0-9a-f]{64}$/i

/** Reads and validates every input into one typed object; throws InputError naming the bad input. */
export function getInputs(read: InputReader = actionsReader, cwd = process.cwd()): Inputs {
  const raw = (name: Input): string => {
    const value = read(name).trim()
    return value === '' ? DEFAULTS[name] : value
  }
  const optional = (name: Input): string | undefined => raw(name) || undefined

  const projectPath = path.resolve(cwd, raw(Input.ProjectPath))
  return backendRules({
    projectPath,
    entry: optional(Input.Entry),
    name: optionalName(optional(Input.Name)),
    spec: optional(Input.Spec),
    mode: oneOf(Input.Mode, raw(Input.Mode), ['onefile', 'onedir', 'report'] as const),
    hiddenImports: moduleList(Input.HiddenImports, raw(Input.HiddenImports)),
    collectSubmodules: moduleList(Input.CollectSubmodules, raw(Input.CollectSubmodules)),
    excludes: moduleList(Input.Excludes, raw(Input.Excludes)),
    datas: lines(raw(Input.Datas)).map(parseData),
    optimize: Number(oneOf(Input.Optimize, raw(Input.Optimize), ['0', '1', '2'] as const)) as
      0 | 1 | 2,
    upx: toggle(Input.Upx, raw(Input.Upx)),
    upxVersion: version(Input.UpxVersion, raw(Input.UpxVersion)),
    upxPath: optional(Input.UpxPath),
    upxSha256: sha256(optional(Input.UpxSha256)),
    upxMirror: url(Input.UpxMirror, raw(Input.UpxMirror)),
    strip: toggle(Input.Strip, raw(Input.Strip)),
    poetryVersion: version(Input.PoetryVersion, raw(Input.PoetryVersion)),
    pyinstallerVersion: version(Input.PyinstallerVersion, raw(Input.PyinstallerVersion)),
    backend: oneOf(Input.Backend, raw(Input.Backend), ['pyinstaller', 'nuitka'] as const),
    nuitkaVersion: version(Input.NuitkaVersion, raw(Input.NuitkaVersion)),
    nuitkaBytecode: nuitkaBytecode(raw(Input.NuitkaBytecode)),
    nuitkaCompression: nuitkaCompression(raw(Input.NuitkaCompression)),
    nuitkaCOptimize: nuitkaCOptimize(raw(Input.NuitkaCOptimize)),
    python: optional(Input.Python),
    maxSizeBytes: size(Input.MaxSize, raw(Input.MaxSize)),
    maxStartupMs: duration(Input.MaxStartup, raw(Input.MaxStartup)),
    startupRuns: integer(Input.StartupRuns, raw(Input.StartupRuns), 2, 100),
    startupArgs: argv(Input.StartupArgs, raw(Input.StartupArgs)),
    outputDir: optional(Input.OutputDir),
    smoke: lines(raw(Input.Smoke)).map(l => smokeCommand(Input.Smoke, l)),
    parity: parityCommands(raw(Input.Parity)),
    defaultCommands: {
      parity: read(Input.Parity).trim() === '',
      startup: read(Input.StartupArgs).trim() === ''
    },
    trace: bool(Input.Trace, raw(Input.Trace)),
    collectData: moduleList(Input.CollectData, raw(Input.CollectData)),
    copyMetadata: distributionList(Input.CopyMetadata, raw(Input.CopyMetadata)),
    packageData: packageData(Input.PackageData, raw(Input.PackageData)),
    packageModules: packageData(Input.PackageModules, raw(Input.PackageModules)),
    executables: packageData(Input.Executables, raw(Input.Executables)),
    extras: extras(raw(Input.Extras)),
    groups: distributionList(Input.Groups, raw(Input.Groups)),
    honorPythonpath: bool(Input.HonorPythonpath, raw(Input.HonorPythonpath)),
    leaveOutUnrequired: bool(Input.LeaveOutUnrequired, raw(Input.LeaveOutUnrequired)),
    serviceExercise: lines(raw(Input.ServiceExercise)).map(l =>
      smokeCommand(Input.ServiceExercise, l)
    ),
    smokeEnv: envPairs(raw(Input.SmokeEnv)),
    runEnv: envPairs(raw(Input.RunEnv), Input.RunEnv),
    serviceArgs: argv(Input.ServiceArgs, raw(Input.ServiceArgs)),
    readyPattern: regex(Input.ReadyPattern, optional(Input.ReadyPattern)),
    readyPort:
      optional(Input.ReadyPort) === undefined
        ? undefined
        : integer(Input.ReadyPort, raw(Input.ReadyPort), 1, 65535),
    readyTimeoutMs: duration(Input.ReadyTimeout, raw(Input.ReadyTimeout)),
    sigtermTimeoutMs: duration(Input.SigtermTimeout, raw(Input.SigtermTimeout)),
    maxMemoryBytes:
      optional(Input.MaxMemory) === undefined
        ? undefined
        : size(Input.MaxMemory, raw(Input.MaxMemory)),
    maxGlibc: glibcVersion(optional(Input.MaxGlibc)),
    autoFixImports: bool(Input.AutoFixImports, raw(Input.AutoFixImports)),
    cache: bool(Input.Cache, raw(Input.Cache)),
    cacheBuild: bool(Input.CacheBuild, raw(Input.CacheBuild)),
    cacheTimeoutMs: duration(Input.CacheTimeout, raw(Input.CacheTimeout)),
    upload: bool(Input.Upload, raw(Input.Upload)),
    artifactName: artifactName(optional(Input.ArtifactName)),
    retentionDays:
      optional(Input.RetentionDays) === undefined
        ? undefined
        : integer(Input.RetentionDays, raw(Input.RetentionDays), 1, 90),
    baseline: baseline(raw(Input.Baseline), cwd),
    maxSizeIncreasePct: percent(Input.MaxSizeIncrease, raw(Input.MaxSizeIncrease)),
    maxStartupIncreasePct: percent(Input.MaxStartupIncrease, raw(Input.MaxStartupIncrease)),
    startupIncreaseFloorMs: duration(Input.StartupIncreaseFloor, raw(Input.StartupIncreaseFloor)),
    failOnRegression: bool(Input.FailOnRegression, raw(Input.FailOnRegression)),
    comment: bool(Input.Comment, raw(Input.Comment)),
    githubToken: optional(Input.GithubToken)
  })
}

function glibcVersion(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  if (!/^2\.\d{1,2}$/.test(value))
    throw new InputError(
      Input.MaxGlibc,
      `"${value}" is not a glibc version; use major.minor such as 2.31 (Ubuntu 20.04, Debian 11) or 2.28 (RHEL 8)`
    )
  return value
}

/** Inputs that only one backend understands fail early, naming the input. Pure. */
function backendRules(inputs: Inputs): Inputs {
  if (inputs.backend === 'nuitka') {
    if (inputs.spec)
      throw new InputError(
        Input.Spec,
        'a PyInstaller spec cannot drive backend: nuitka; remove spec, or use backend: pyinstaller'
      )
    if (inputs.upx === 'true' || inputs.upxPath)
      throw new InputError(
        inputs.upxPath ? Input.UpxPath : Input.Upx,
        'UPX is not used with backend: nuitka (its onefile payload is zstd-compressed already); use upx: auto or false'
      )
  } else {
    const set = (
      [
        [Input.NuitkaBytecode, inputs.nuitkaBytecode !== 'auto'],
        [
          Input.NuitkaCompression,
          inputs.nuitkaCompression !== Number(DEFAULTS[Input.NuitkaCompression])
        ],
        [Input.NuitkaCOptimize, inputs.nuitkaCOptimize !== Number(DEFAULTS[Input.NuitkaCOptimize])]
      ] as const
    ).find(([, given]) => given)
    if (set)
      throw new InputError(
        set[0],
        'only applies to backend: nuitka; remove it, or set backend: nuitka'
      )
  }
  return inputs
}

function baseline(value: string, cwd: string): Inputs['baseline'] {
  if (value === 'auto' || value === 'none') return value
  if (!value.endsWith('.json')) {
    throw new InputError(
      Input.Baseline,
      `"${value}" is not accepted; use auto, none, or the path of a metrics.json`
    )
  }
  return { file: path.resolve(cwd, value) }
}

/** Artifact names: one path segment of safe characters, so every matrix leg gets its own. */
export function artifactName(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/.test(value)) {
    throw new InputError(
      Input.ArtifactName,
      `"${value}" is not accepted; use letters, digits, ".", "_" and "-", starting with a letter or digit (no / \\ : * ? " < > |)`
    )
  }
  return value
}

function bool(name: Input, value: string): boolean {
  const t = toggle(name, value)
  if (t === 'auto') throw new InputError(name, `"${value}" is not accepted; use true or false`)
  return t === 'true'
}

function regex(name: Input, value: string | undefined): RegExp | undefined {
  if (value === undefined) return undefined
  try {
    return new RegExp(value)
  } catch {
    throw new InputError(name, `"${value}" is not a valid regular expression`)
  }
}

/** Parses one smoke line: binary arguments, optionally ending in `=> N` for the expected exit code. */
function smokeCommand(name: Input, line: string): SmokeCommand {
  const m = /^(.*?)\s*=>\s*(\S+)$/.exec(line)
  if (m && !(/^\d{1,3}$/.test(m[2]) && Number(m[2]) <= 255)) {
    throw new InputError(
      name,
      `"${line}" expects exit code "${m[2]}"; exit codes are whole numbers from 0 to 255 (e.g. "check => 2")`
    )
  }
  const args = argv(name, m ? m[1] : line)
  if (args.length === 0)
    throw new InputError(
      name,
      `"${line}" has no arguments; use e.g. "--version => 0", one command per line`
    )
  return { line, args, expectedExit: m ? Number(m[2]) : 0 }
}

/**
 * Parses the parity lines: arguments as in `smoke`, optionally ending in `=> exit` to compare the
 * exit code only. `none` (alone) turns parity checks off.
 */
function parityCommands(text: string): ParityCommand[] {
  const all = lines(text)
  if (all.length === 1 && all[0].toLowerCase() === 'none') return []
  return all.map(line => {
    const m = /^(.*?)\s*=>\s*(\S+)$/.exec(line)
    if (m && m[2] !== 'exit') {
      throw new InputError(
        Input.Parity,
        `"${line}" ends in "=> ${m[2]}"; a parity line may only end in "=> exit" (compare the exit code only), or use "none" alone to turn parity off`
      )
    }
    const args = argv(Input.Parity, m ? m[1] : line)
    if (args.length === 0)
      throw new InputError(
        Input.Parity,
        `"${line}" has no arguments; use e.g. "--help", one command per line, or "none"`
      )
    return { line, args, exitOnly: m !== null }
  })
}

/**
 * `all` (default), `none`, or `all` followed by `-name` entries: distributions or top-level
 * packages whose data and metadata stay out.
 */
function packageData(input: Input, value: string): Inputs['packageData'] {
  const words = lines(value)
    .flatMap(l => l.split(/[\s,]+/))
    .filter(w => w !== '')
  const [first, ...rest] = words
  const bad = (w: string): never => {
    throw new InputError(
      input,
      `"${w}" is not accepted; use all (default), none, or all followed by -name entries for distributions to leave out (e.g. "all -botocore")`
    )
  }
  if (first?.toLowerCase() === 'none' && rest.length === 0) return { all: false, skip: [] }
  if (first?.toLowerCase() !== 'all') return bad(first ?? value)
  const skip = rest.map(w =>
    /^-[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$/.test(w) ? w.slice(1) : bad(w)
  )
  return { all: true, skip }
}

/** Poetry extras: names, or `all` alone for every extra. */
function extras(value: string): Inputs['extras'] {
  const names = distributionList(Input.Extras, value)
  if (names.length === 1 && names[0].toLowerCase() === 'all') return 'all'
  return names
}

/** Distribution names as pip knows them (PEP 508 names). */
function distributionList(name: Input, value: string): string[] {
  const dists = lines(value)
    .flatMap(l => l.split(/[\s,]+/))
    .filter(d => d !== '')
  for (const d of dists) {
    if (!/^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$/.test(d)) {
      throw new InputError(
        name,
        `"${d}" is not a distribution name; use names as on PyPI, such as my-plugin, one per line`
      )
    }
  }
  return dists
}

/** Parses KEY=VALUE lines; values may contain '='. */
function envPairs(text: string, input: Input = Input.SmokeEnv): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    const n = i + 1
    if (line.trim() === '') continue
    const idx = line.indexOf('=')
    const key = idx === -1 ? '' : line.slice(0, idx).trim()
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
      // The value may be a secret: the message shows the key part only.
      throw new InputError(
        input,
        `line ${n} is not KEY=VALUE (KEY: letters, digits and _); use KEY=VALUE, one per line`
      )
    }
    env[key] = line.slice(idx + 1)
  }
  return env
}

/** Splits a multiline input into trimmed, non-empty lines; a `#` after a space starts a comment. */
export function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map(l => l.replace(/(^|\s)#.*$/, '').trim())
    .filter(l => l !== '')
}

function oneOf<T extends string>(name: Input, value: string, allowed: readonly T[]): T {
  const lower = value.toLowerCase()
  const hit = allowed.find(a => a === lower)
  if (hit === undefined) {
    throw new InputError(name, `"${value}" is not accepted; use one of ${allowed.join(', ')}`)
  }
  return hit
}

function toggle(name: Input, value: string): Toggle {
  const v = value.toLowerCase()
  if (v === 'auto') return 'auto'
  if (['true', 'on', 'yes'].includes(v)) return 'true'
  if (['false', 'off', 'no'].includes(v)) return 'false'
  throw new InputError(name, `"${value}" is not accepted; use auto, true or false`)
}

function size(name: Input, value: string): number {
  const bytes = parseSize(value)
  if (bytes === undefined || bytes <= 0) {
    throw new InputError(
      name,
      `"${value}" is not a size; use a byte count or a number with B, KB, MB, GB, KiB, MiB or GiB (e.g. 100MB)`
    )
  }
  return bytes
}

function duration(name: Input, value: string): number {
  const ms = parseDuration(value)
  if (ms === undefined || ms <= 0) {
    throw new InputError(
      name,
      `"${value}" is not a duration; use a number with ms, s or m (e.g. 3s, 800ms)`
    )
  }
  return ms
}

/** Validates a percentage input such as `5%`. */
export function percent(name: Input | string, value: string): number {
  const p = parsePercent(value)
  if (p === undefined)
    throw new InputError(name, `"${value}" is not a percentage; use a number with % (e.g. 5%)`)
  return p
}

function integer(name: Input, value: string, min: number, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new InputError(
      name,
      `"${value}" is not accepted; use a whole number from ${min} to ${max}`
    )
  }
  return Number(value)
}

function version(name: Input, value: string): string {
  if (!VERSION.test(value)) {
    throw new InputError(
      name,
      `"${value}" is not an exact version; use a pinned version such as 1.2.3`
    )
  }
  return value
}

function sha256(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  if (!SHA256.test(value)) {
    throw new InputError(
      Input.UpxSha256,
      `"${value}" is not accepted; use a 64-character hex SHA-256`
    )
  }
  return value.toLowerCase()
}

function url(name: Input, value: string): string {
  if (!/^https?:\/\/[^\s]+$/.test(value)) {
    throw new InputError(name, `"${value}" is not accepted; use an http(s) URL`)
  }
  return value.replace(/\/+$/, '')
}

/** `nuitka-compression`: a zstd level 1-22 or off. Pure. */
function nuitkaCompression(value: string): number | 'off' {
  const word = value.trim().toLowerCase()
  if (word === 'off' || word === 'false') return 'off'
  if (/^\d+$/.test(word) && Number(word) >= 1 && Number(word) <= 22) return Number(word)
  throw new InputError(
    Input.NuitkaCompression,
    `"${value}" is not accepted; use a zstd level from 1 to 22 (9 is the default, 22 the smallest and slowest), or off`
  )
}

/** `nuitka-c-optimize`: the C compiler's optimization level, 1 to 3. Pure. */
function nuitkaCOptimize(value: string): 1 | 2 | 3 {
  const word = value.trim().toLowerCase().replace(/^-?o/, '')
  if (word === '1' || word === '2' || word === '3') return Number(word) as 1 | 2 | 3
  throw new InputError(
    Input.NuitkaCOptimize,
    `"${value}" is not accepted; use 1 (the fastest compile), 2, or 3 (the default, Nuitka's own level)`
  )
}

/** `nuitka-bytecode`: auto, none, or packages. Pure. */
function nuitkaBytecode(value: string): NuitkaBytecode {
  const word = value.trim().toLowerCase()
  if (word === '' || word === 'auto') return 'auto'
  if (word === 'none') return 'none'
  const list = moduleList(Input.NuitkaBytecode, value)
  if (list.some(m => m === 'auto' || m === 'none'))
    throw new InputError(
      Input.NuitkaBytecode,
      'auto and none stand alone; give either one of them or a list of packages'
    )
  return list
}

function moduleList(name: Input, value: string): string[] {
  const modules = lines(value)
    .flatMap(l => l.split(/[\s,]+/))
    .filter(m => m !== '')
  for (const m of modules) {
    if (!MODULE_NAME.test(m)) {
      throw new InputError(
        name,
        `"${m}" is not a Python module name; use dotted names such as pkg.sub, one per line`
      )
    }
  }
  return modules
}

function argv(name: Input, value: string): string[] {
  try {
    return splitArgs(value)
  } catch (err) {
    throw new InputError(
      name,
      `"${value}" cannot be split into arguments (${(err as Error).message})`
    )
  }
}

function optionalName(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(value)) {
    throw new InputError(
      Input.Name,
      `"${value}" is not accepted; use letters, digits, ".", "_" and "-", starting with a letter or digit`
    )
  }
  return value
}

/** Parses one `SOURCE:DEST` line of the datas input (the last colon splits, so `C:\x:y` works). */
function parseData(line: string): DataFile {
  const idx = line.lastIndexOf(':')
  const driveOnly = idx === 1 && /^[A-Za-z]:/.test(line)
  if (idx <= 0 || driveOnly || idx === line.length - 1) {
    throw new InputError(
      Input.Datas,
      `"${line}" is not accepted; use SOURCE:DEST, one per line (e.g. config/*.yaml:config)`
    )
  }
  return { source: line.slice(0, idx).trim(), dest: line.slice(idx + 1).trim() }
}
