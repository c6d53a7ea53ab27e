import { ActionError, InputError } from '../errors.js'
import type { Input } from '../inputs.js'

/** pip's own verdict line ("ERROR: No matching distribution found for x==9.9.9"), else its last line. Pure. */
export function pipCause(output: string): string {
  const lines = output
    .split(/\r?\n/)
    .map(l => l.trim())
    .filter(l => l !== '' && !l.startsWith('[notice]'))
  const errors = lines.filter(l => l.startsWith('ERROR:'))
  return (errors[errors.length - 1] ?? lines[lines.length - 1] ?? '(no output)').slice(0, 400)
}

/**
 * The error for a failed `pip install <requirement>`: a version the index does not have is the
 * input's fault and names it; anything else (network, build) is reported as pip's cause. Pure.
 */
export function pipInstallError(input: Input, requirement: string, output: string): Error {
  const cause = pipCause(output)
  if (/No matching distribution found|Could not find a version that satisfies/i.test(output)) {
    return new InputError(
      input,
      `${requirement} is not on the package index (${cause}); use a released version`
    )
  }
  return new ActionError(`pip could not install ${requirement}: ${cause}`)
}
