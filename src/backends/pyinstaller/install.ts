import { Input } from '../../inputs.js'
import type { PipTool } from '../pip-install.js'

/** The hooks-contrib release installed beside the pinned PyInstaller (newest at the time of pinning). */
export const HOOKS_CONTRIB_VERSION = '2026.9'

/** PyInstaller and its hooks-contrib, pinned. */
export function pyinstallerTool(version: string): PipTool {
  return {
    label: 'PyInstaller',
    version,
    versionCode: 'import PyInstaller; print(PyInstaller.__version__)',
    requirements: [
      `pyinstaller==${version}`,
      `pyinstaller-hooks-contrib==${HOOKS_CONTRIB_VERSION}`
    ],
    input: Input.PyinstallerVersion,
    lock: 'pyinstaller'
  }
}
