import type { Backend } from './types.js'
import type { BackendName } from '../inputs.js'
import { pyinstallerBackend } from './pyinstaller/index.js'
import { nuitkaBackend } from './nuitka/index.js'

/** Picks the build backend (the factory pattern of actions/setup-node's installers). */
export function backendFor(name: BackendName): Backend {
  switch (name) {
    case 'pyinstaller':
      return pyinstallerBackend
    case 'nuitka':
      return nuitkaBackend
  }
}

export type { Backend, BuildPlan, PreparedBuild, ProbeSwitch } from './types.js'
