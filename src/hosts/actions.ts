import * as core from '@actions/core'
import type { AnnotationProps, Host } from '../host.js'

/** The host for a real Actions job: @actions/core for logs, outputs, masks and the summary. */
export function actionsHost(): Host {
  return {
    isActions: true,
    info: m => core.info(m),
    debug: m => core.debug(m),
    notice: (m, p?: AnnotationProps) => core.notice(m, p),
    warning: (m, p?: AnnotationProps) => core.warning(m, p),
    error: (m, p?: AnnotationProps) => core.error(m, p),
    group: (name, fn) => core.group(name, fn),
    setOutput: (name, value) => core.setOutput(name, String(value)),
    setSecret: v => core.setSecret(v),
    async writeSummary(markdown) {
      if (!process.env.GITHUB_STEP_SUMMARY) {
        core.info(markdown)
        return
      }
      await core.summary.addRaw(markdown, true).write()
    },
    setFailed: m => core.setFailed(m)
  }
}
