import { DEFAULTS, Input } from './inputs.js'
import { InputError } from './errors.js'

/** The flags that exist only on the CLI (the rest are the action's inputs). */
export interface CliOptions {
  help: boolean
  verbose: boolean
  json: boolean
  /** Where the run's log goes; default: a fresh file under the temp folder. */
  logFile?: string
}

/** Input groups for --help, in the order and under the headings of the README's sections. */
export const INPUT_GROUPS: { title: string; inputs: Input[] }[] = [
  {
    title: 'Project',
    inputs: [Input.ProjectPath, Input.Entry, Input.Name, Input.Spec, Input.Mode, Input.OutputDir]
  },
  {
    title: 'What it bundles',
    inputs: [
      Input.HiddenImports,
      Input.CollectSubmodules,
      Input.Excludes,
      Input.Datas,
      Input.Optimize,
      Input.Strip
    ]
  },
  {
    title: 'Backend and tools',
    inputs: [
      Input.Backend,
      Input.Python,
      Input.PoetryVersion,
      Input.PyinstallerVersion,
      Input.NuitkaVersion,
      Input.NuitkaBytecode,
      Input.NuitkaCompression,
      Input.NuitkaCOptimize
    ]
  },
  {
    title: 'UPX',
    inputs: [Input.Upx, Input.UpxVersion, Input.UpxPath, Input.UpxSha256, Input.UpxMirror]
  },
  {
    title: 'Validation suite',
    inputs: [
      Input.MaxSize,
      Input.MaxStartup,
      Input.StartupRuns,
      Input.StartupArgs,
      Input.Smoke,
      Input.SmokeEnv,
      Input.MaxMemory,
      Input.MaxGlibc
    ]
  },
  {
    title: 'Parity and tracing',
    inputs: [
      Input.Parity,
      Input.Trace,
      Input.CollectData,
      Input.CopyMetadata,
      Input.PackageData,
      Input.PackageModules,
      Input.Executables,
      Input.Extras,
      Input.Groups,
      Input.RunEnv,
      Input.HonorPythonpath,
      Input.LeaveOutUnrequired,
      Input.AutoFixImports
    ]
  },
  {
    title: 'Service exercise',
    inputs: [
      Input.ServiceArgs,
      Input.ReadyPattern,
      Input.ReadyPort,
      Input.ReadyTimeout,
      Input.SigtermTimeout,
      Input.ServiceExercise
    ]
  },
  {
    title: 'Caching and artifacts (GitHub Actions only)',
    inputs: [
      Input.Cache,
      Input.CacheBuild,
      Input.CacheTimeout,
      Input.Upload,
      Input.ArtifactName,
      Input.RetentionDays
    ]
  },
  {
    title: 'Pull-request check',
    inputs: [
      Input.Baseline,
      Input.MaxSizeIncrease,
      Input.MaxStartupIncrease,
      Input.StartupIncreaseFloor,
      Input.FailOnRegression,
      Input.Comment,
      Input.GithubToken
    ]
  }
]

/** One line per input for --help (the README's Inputs table has the long form). */
const SUMMARY: Record<Input, string> = {
  [Input.ProjectPath]: 'folder holding pyproject.toml',
  [Input.Entry]: 'script relative to the project, or module:function',
  [Input.Name]: 'binary name (default: the project name)',
  [Input.Spec]: 'your own .spec, used as is',
  [Input.Mode]: 'onefile, onedir, or report (aggregate a matrix)',
  [Input.OutputDir]: 'where the spec, metrics.json and report.md go',
  [Input.HiddenImports]: 'modules imported by name at run time',
  [Input.CollectSubmodules]: 'packages whose submodules are all bundled',
  [Input.Excludes]: 'modules to leave out',
  [Input.Datas]: 'SOURCE:DEST data files (globs allowed)',
  [Input.Optimize]: 'bytecode optimization 0-2',
  [Input.Strip]: 'strip bundled shared libraries: auto, true, false',
  [Input.Backend]: 'pyinstaller or nuitka',
  [Input.Python]: 'interpreter to build with',
  [Input.PoetryVersion]: 'Poetry version',
  [Input.PyinstallerVersion]: 'PyInstaller version',
  [Input.NuitkaVersion]: 'Nuitka version',
  [Input.NuitkaBytecode]: 'nuitka: packages kept as bytecode',
  [Input.NuitkaCompression]: 'nuitka: onefile zstd level 1-22, or off',
  [Input.NuitkaCOptimize]: 'nuitka: C optimization level 1-3',
  [Input.Upx]: 'auto, true or false',
  [Input.UpxVersion]: 'release downloaded when UPX is not on PATH',
  [Input.UpxPath]: 'a UPX binary to use',
  [Input.UpxSha256]: 'checksum of the downloaded UPX archive',
  [Input.UpxMirror]: 'base URL for the UPX download',
  [Input.MaxSize]: 'size cap, e.g. 50MB',
  [Input.MaxStartup]: 'warm median startup cap, e.g. 800ms',
  [Input.StartupRuns]: 'startup measurements, 2-100',
  [Input.StartupArgs]: 'arguments for the startup measurement',
  [Input.Smoke]: 'binary-only checks: ARGS [=> EXIT]',
  [Input.SmokeEnv]: 'KEY=VALUE for smoke runs (values are secrets)',
  [Input.MaxMemory]: 'peak RSS cap for the service run',
  [Input.MaxGlibc]: 'Linux: highest glibc the binary may need',
  [Input.Parity]: 'commands compared with poetry run; none: off',
  [Input.Trace]: 'bundle what the traced poetry run side used',
  [Input.CollectData]: 'packages whose data files are bundled',
  [Input.CopyMetadata]: 'distributions whose metadata is bundled',
  [Input.PackageData]: 'data and metadata of bundled distributions: all, none, all -name',
  [Input.PackageModules]: 'all modules of packages poetry run loaded: all, none, all -name',
  [Input.Executables]: "venv tools and python on the binary's PATH: all, none, all -name",
  [Input.Extras]: 'Poetry extras to install and build with; all',
  [Input.Groups]: 'Poetry dependency groups installed besides main',
  [Input.RunEnv]: 'KEY=VALUE both sides get (not secret)',
  [Input.HonorPythonpath]: 'the binary searches PYTHONPATH, as Python does',
  [Input.LeaveOutUnrequired]: 'build without what is neither required nor loaded',
  [Input.AutoFixImports]: 'rebuild once with every diagnosed fix',
  [Input.ServiceArgs]: 'arguments that start the binary as a service',
  [Input.ReadyPattern]: 'line regex the service prints when ready',
  [Input.ReadyPort]: 'TCP port on 127.0.0.1 it opens when ready',
  [Input.ReadyTimeout]: 'time to become ready',
  [Input.SigtermTimeout]: 'time to exit 0 after SIGTERM',
  [Input.ServiceExercise]: 'commands run against the ready service',
  [Input.Cache]: 'tools and venv caches',
  [Input.CacheBuild]: "also the backend's build caches",
  [Input.CacheTimeout]: 'limit for one cache restore or save',
  [Input.Upload]: 'upload the artifact',
  [Input.ArtifactName]: 'artifact name',
  [Input.RetentionDays]: 'artifact retention, 1-90',
  [Input.Baseline]: 'auto, none, or a metrics.json path',
  [Input.MaxSizeIncrease]: 'allowed growth over the baseline',
  [Input.MaxStartupIncrease]: 'allowed startup rise over the baseline',
  [Input.StartupIncreaseFloor]: 'startup deltas below this never count',
  [Input.FailOnRegression]: 'fail, or only warn, on a regression',
  [Input.Comment]: 'sticky PR comment',
  [Input.GithubToken]: 'for the baseline lookup and the comment'
}

const CLI_FLAGS: [string, string][] = [
  ['--verbose', 'show every tool line as it comes (they always go to the log)'],
  ['--json', 'print metrics.json to stdout, nothing else (the rest goes to stderr)'],
  ['--log-file <path>', 'where the log goes (default: a new file in the temp folder)'],
  ['-h, --help', 'this text']
]

function flagLines(rows: [string, string][]): string[] {
  const width = Math.max(...rows.map(([flag]) => flag.length))
  return rows.map(([flag, what]) => `  ${flag.padEnd(width)}  ${what}`)
}

/** Usage text of the CLI: the inputs grouped as the README groups them, then the CLI's own flags. */
export function usage(): string {
  const sections = INPUT_GROUPS.map(g =>
    [
      `${g.title}:`,
      ...flagLines(
        g.inputs.map(i => [
          `--${i}`,
          `${SUMMARY[i]}${DEFAULTS[i] && !DEFAULTS[i].includes('\n') ? ` (${DEFAULTS[i]})` : ''}`
        ])
      )
    ].join('\n')
  )
  return [
    'Usage: poetry-binary [--<input> <value>]... [--verbose] [--json] [--log-file <path>]',
    '',
    'Builds a Poetry project into a validated binary (PyInstaller or Nuitka), as the GitHub Action',
    'does. Every action input is a flag of the same name; multiline inputs repeat the flag.',
    'metrics.json and report.md land in <project>/build/binary-action.',
    'Exit codes: 0 passed, 1 failed, 2 bad input.',
    '',
    ...sections.flatMap(s => [s, '']),
    'CLI:',
    ...flagLines(CLI_FLAGS)
  ].join('\n')
}

/** Takes the CLI's own flags out of argv; the rest are input flags. */
export function parseCliOptions(argv: string[]): { options: CliOptions; rest: string[] } {
  const options: CliOptions = { help: false, verbose: false, json: false }
  const rest: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--help' || arg === '-h') options.help = true
    else if (arg === '--verbose') options.verbose = true
    else if (arg === '--json') options.json = true
    else if (arg === '--log-file' || arg.startsWith('--log-file=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i]
      if (!value) throw new InputError('log-file', 'needs a path')
      options.logFile = value
    } else rest.push(arg)
  }
  return { options, rest }
}

/** Parses `--name value` / `--name=value` flags into input values; repeated flags become lines. */
export function parseCliArgs(argv: string[]): Map<Input, string> {
  const known = new Set<string>(Object.values(Input))
  const values = new Map<Input, string>()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (!arg.startsWith('--'))
      throw new Error(`Unexpected argument "${arg}"; flags look like --max-size 100MB`)
    const eq = arg.indexOf('=')
    const name = arg.slice(2, eq === -1 ? undefined : eq)
    if (!known.has(name)) throw new Error(`Unknown flag --${name}; run with --help for the list`)
    let value: string
    if (eq !== -1) value = arg.slice(eq + 1)
    else {
      if (i + 1 >= argv.length) throw new Error(`Flag --${name} needs a value`)
      value = argv[++i]
    }
    const prev = values.get(name as Input)
    values.set(name as Input, prev === undefined ? value : `${prev}\n${value}`)
  }
  return values
}
