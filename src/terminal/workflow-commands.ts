/**
 * Workflow commands (`::name key=value,…::message`) as @actions/core writes them to stdout. Off
 * Actions nobody reads them, so the CLI parses the lines the toolkit libraries print and handles
 * each itself. Pure.
 */

export interface WorkflowCommand {
  name: string
  properties: Record<string, string>
  message: string
}

// The reverse of @actions/core's escapeData / escapeProperty.
function unescapeData(text: string): string {
  return text.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%')
}

function unescapeProperty(text: string): string {
  return unescapeData(text.replace(/%3A/gi, ':').replace(/%2C/gi, ','))
}

/** Parses one output line as a workflow command; null when it is ordinary output. */
export function parseWorkflowCommand(line: string): WorkflowCommand | null {
  const m = /^::([A-Za-z][\w-]*)(?: ([^:]*))?::(.*)$/s.exec(line.replace(/\r?\n$/, ''))
  if (!m) return null
  const properties: Record<string, string> = {}
  for (const pair of (m[2] ?? '').split(',')) {
    const eq = pair.indexOf('=')
    if (eq > 0) properties[pair.slice(0, eq).trim()] = unescapeProperty(pair.slice(eq + 1))
  }
  return { name: m[1].toLowerCase(), properties, message: unescapeData(m[3]) }
}

/** Splits written chunks into whole lines; the unfinished rest waits for the next chunk. */
export class LineSplitter {
  private rest = ''

  /** The complete lines in this chunk (without their line ends). */
  push(chunk: string): string[] {
    const text = this.rest + chunk
    const lines = text.split(/\r?\n/)
    this.rest = lines.pop() ?? ''
    return lines
  }

  /** Whatever is left unfinished (at the end of the run). */
  flush(): string[] {
    const rest = this.rest
    this.rest = ''
    return rest ? [rest] : []
  }
}

/**
 * Follows `::stop-commands::TOKEN` … `::TOKEN::`: between them, lines that look like commands are
 * plain output, as on a runner.
 */
export class CommandReader {
  private stopToken: string | null = null

  /** The command on this line, or null when it is plain output (or commands are stopped). */
  read(line: string): WorkflowCommand | null {
    if (this.stopToken !== null) {
      if (line === `::${this.stopToken}::`) this.stopToken = null
      return null
    }
    const command = parseWorkflowCommand(line)
    if (command?.name === 'stop-commands') this.stopToken = command.message
    return command
  }
}
