import * as fs from 'node:fs'
import * as path from 'node:path'
import { parse as parseToml } from 'smol-toml'
import { ActionError, InputError } from '../errors.js'
import { Input } from '../inputs.js'
import { lockedPackages } from './known-libraries.js'

/** Where the program starts: a script file, or a `module:function` console-script target. */
export type EntryPoint =
  | { kind: 'script'; path: string; display: string }
  | {
      kind: 'function'
      module: string
      /** Attribute path inside the module (`cli` or `cli.cli`); empty: run the module as `-m` does. */
      func: string
      display: string
      scriptName?: string
    }

/** What the pipeline learns about the Poetry project from its files. */
export interface ProjectInfo {
  path: string
  name: string
  version?: string
  entry: EntryPoint
  lockPath?: string
  /** True when the project has a `src/` folder (added to the module search path). */
  hasSrcDir: boolean
  /** Distributions locked in poetry.lock (normalised names). */
  lockedPackages: string[]
  /** The project's own distribution, when `poetry install` installs it (not `package-mode = false`). */
  distribution?: string
  /** Extras and dependency groups pyproject.toml declares. */
  extras: string[]
  groups: string[]
  /** Requirement names of each declared dependency group, by normalised group name. */
  groupRequirements: Record<string, string[]>
}

/**
 * What the project requires, as the tracer needs it to tell required distributions from ones that
 * are only present in the environment: its own distribution with the selected extras, and the
 * requirements of the selected dependency groups. Pure.
 */
export interface RequiredSet {
  distribution?: string
  extras: string[] | 'all'
  requirements: string[]
  /** Top-level modules the user asked to bundle: their distributions count as required. */
  modules: string[]
}

export function requiredSet(
  project: Pick<ProjectInfo, 'distribution' | 'groupRequirements'>,
  selection: {
    extras: string[] | 'all'
    groups: string[]
    hiddenImports?: string[]
    collectSubmodules?: string[]
    collectData?: string[]
    copyMetadata?: string[]
  }
): RequiredSet {
  return {
    distribution: project.distribution,
    extras: selection.extras,
    requirements: [
      ...new Set([
        ...selection.groups.flatMap(g => project.groupRequirements[normalized(g)] ?? []),
        ...(selection.copyMetadata ?? [])
      ])
    ],
    modules: [
      ...new Set(
        [
          ...(selection.hiddenImports ?? []),
          ...(selection.collectSubmodules ?? []),
          ...(selection.collectData ?? [])
        ].map(m => m.split('.')[0])
      )
    ]
  }
}

/** Requirement names of a PEP 735 group (following include-group), or of a Poetry group table. */
function groupRequirementsOf(doc: Table, poetry: Table | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  const add = (group: string, names: string[]): void => {
    const key = normalized(group)
    out[key] = [...new Set([...(out[key] ?? []), ...names])]
  }
  const namesOf = (deps: Table | undefined): string[] =>
    Object.keys(deps ?? {}).filter(n => n.toLowerCase() !== 'python')
  for (const [group, body] of Object.entries(table(poetry?.group) ?? {}))
    add(group, namesOf(table(table(body)?.dependencies)))
  if (table(poetry?.['dev-dependencies'])) add('dev', namesOf(table(poetry?.['dev-dependencies'])))
  const pep735 = table(doc['dependency-groups']) ?? {}
  const resolve = (group: string, seen: Set<string>): string[] => {
    const entries = pep735[group]
    if (!Array.isArray(entries) || seen.has(group)) return []
    seen.add(group)
    return entries.flatMap(e => {
      if (typeof e === 'string') {
        const name = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(e)?.[1]
        return name ? [name] : []
      }
      const include = str(table(e)?.['include-group'])
      return include ? resolve(include, seen) : []
    })
  }
  for (const group of Object.keys(pep735)) add(group, resolve(group, new Set()))
  return out
}

type Table = Record<string, unknown>

/**
 * An entry-point object reference as importlib.metadata reads it: `module`, `module:attr` or
 * `module:attr.attr`, optionally followed by `[extras]`.
 */
const FUNCTION_ENTRY =
  /^([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\s*(?::\s*([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*))?\s*(?:\[[^\]]*\])?$/

function table(value: unknown): Table | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Table)
    : undefined
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}

/** Reads pyproject.toml (with a real TOML parser) and works out name and entry; errors name the input at fault. */
export function discoverProject(
  projectPath: string,
  wanted: { entry?: string; name?: string; extras?: string[] | 'all'; groups?: string[] } = {}
): ProjectInfo {
  if (!fs.existsSync(projectPath) || !fs.statSync(projectPath).isDirectory()) {
    throw new InputError(
      Input.ProjectPath,
      `${projectPath} is not a directory; point it at the folder that holds pyproject.toml`
    )
  }
  const pyprojectPath = path.join(projectPath, 'pyproject.toml')
  if (!fs.existsSync(pyprojectPath)) {
    throw new InputError(
      Input.ProjectPath,
      `no pyproject.toml in ${projectPath}; point it at a Poetry project's folder`
    )
  }
  let doc: Table
  try {
    doc = parseToml(fs.readFileSync(pyprojectPath, 'utf8')) as Table
  } catch (err) {
    const first = String((err as Error).message).split('\n')[0]
    throw new ActionError(`${pyprojectPath} is not valid TOML: ${first}`)
  }
  const lockFile = path.join(projectPath, 'poetry.lock')
  const lockPath = fs.existsSync(lockFile) ? lockFile : undefined
  const project = table(doc.project)
  const poetry = table(table(doc.tool)?.poetry)
  const backend = str(table(doc['build-system'])?.['build-backend'])
  const isPoetry =
    poetry !== undefined || backend?.startsWith('poetry.') === true || lockPath !== undefined
  if (!isPoetry) {
    throw new InputError(
      Input.ProjectPath,
      `${pyprojectPath} is not a Poetry project (no [tool.poetry] table, poetry-core build backend or poetry.lock); this action builds Poetry projects`
    )
  }
  const name = wanted.name ?? str(project?.name) ?? str(poetry?.name)
  if (!name) {
    throw new InputError(
      Input.Name,
      `no name given and none in ${pyprojectPath} ([project] or [tool.poetry] name); set input "name"`
    )
  }
  const scripts = { ...(table(project?.scripts) ?? {}), ...(table(poetry?.scripts) ?? {}) }
  const fileName = binaryName(name)
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(fileName) || fileName.length > 100) {
    throw new InputError(
      Input.Name,
      `the name "${name}" from ${pyprojectPath} is not a usable file name for the binary; set input "name" (letters, digits, ".", "_" and "-", starting with a letter or digit)`
    )
  }
  const extras = [
    ...Object.keys(table(project?.['optional-dependencies']) ?? {}),
    ...Object.keys(table(poetry?.extras) ?? {})
  ]
  const groups = [
    ...Object.keys(table(poetry?.group) ?? {}),
    ...(table(poetry?.['dev-dependencies']) ? ['dev'] : []),
    ...Object.keys(table(doc['dependency-groups']) ?? {})
  ]
  checkDeclared(
    Input.Extras,
    wanted.extras === 'all' ? [] : (wanted.extras ?? []),
    extras,
    'extras',
    pyprojectPath
  )
  checkDeclared(Input.Groups, wanted.groups ?? [], groups, 'dependency groups', pyprojectPath)
  const distName = str(project?.name) ?? str(poetry?.name)
  return {
    path: projectPath,
    name: fileName,
    version: str(project?.version) ?? str(poetry?.version),
    entry: resolveEntry(projectPath, wanted.entry, scripts, name),
    lockPath,
    hasSrcDir: fs.existsSync(path.join(projectPath, 'src')),
    lockedPackages: lockPath ? lockedPackages(fs.readFileSync(lockPath, 'utf8')) : [],
    distribution: poetry?.['package-mode'] === false ? undefined : distName,
    extras: [...new Set(extras)],
    groups: [...new Set(groups)],
    groupRequirements: groupRequirementsOf(doc, poetry)
  }
}

/** Extras and groups are compared as Poetry does, by normalised name. */
function normalized(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-')
}

/** Fails, naming the input, when a wanted extra or group is not declared in pyproject.toml. */
function checkDeclared(
  input: Input,
  wanted: string[],
  declared: string[],
  what: string,
  pyprojectPath: string
): void {
  const known = new Set(declared.map(normalized))
  const unknown = wanted.filter(w => !known.has(normalized(w)))
  if (unknown.length === 0) return
  throw new InputError(
    input,
    `${unknown.map(u => `"${u}"`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not declared in ${pyprojectPath}; its ${what}: ${declared.length ? declared.join(', ') : 'none'}`
  )
}

/** Turns a distribution name into a file-system-safe binary name. */
export function binaryName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-')
}

function resolveEntry(
  projectPath: string,
  entry: string | undefined,
  scripts: Table,
  name: string
): EntryPoint {
  if (entry) {
    const fn = entry.endsWith('.py') ? null : FUNCTION_ENTRY.exec(entry)
    if (fn) return { kind: 'function', module: fn[1], func: fn[2] ?? '', display: entry }
    const file = path.resolve(projectPath, entry)
    if (!entry.endsWith('.py') || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      throw new InputError(
        Input.Entry,
        `"${entry}" is not an existing .py file in ${projectPath}; give a script path relative to project-path, or module:function (module, module:attr and module:attr.attr are accepted)`
      )
    }
    return { kind: 'script', path: file, display: path.relative(projectPath, file) }
  }
  const scriptNames = Object.keys(scripts)
  const chosen = scriptNames.find(s => s === name) ?? scriptNames[0]
  if (chosen !== undefined) {
    const target = scripts[chosen]
    const spec = str(target) ?? str(table(target)?.reference)
    const fn = spec ? FUNCTION_ENTRY.exec(spec) : null
    if (fn)
      return {
        kind: 'function',
        module: fn[1],
        func: fn[2] ?? '',
        display: spec as string,
        scriptName: chosen
      }
  }
  for (const candidate of ['src/main.py', 'main.py', '__main__.py']) {
    const file = path.join(projectPath, candidate)
    if (fs.existsSync(file)) return { kind: 'script', path: file, display: candidate }
  }
  throw new InputError(
    Input.Entry,
    `no entry point found in ${projectPath} (no [project.scripts] / [tool.poetry.scripts], src/main.py or main.py); set input "entry"`
  )
}
