import type { Backend } from './types.js'
import { pyinstallerBackend } from './pyinstaller.js'

/** Picks the build backend (the factory pattern of actions/setup-node's installers). */
export function backendFor(name: 'pyinstaller'): Backend {
  switch (name) {
    case 'pyinstaller':
      return pyinstallerBackend
  }
}

export type { Backend, BuildPlan, PreparedBuild, ProbeSwitch } from './types.js'
