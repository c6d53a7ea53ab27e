import { execFileSync } from 'node:child_process'

/**
 * Python lines run with a generated Nuitka plugin's module-level code (everything above its plugin
 * class, which needs Nuitka) loaded into `ns`; sys.argv[1] is the plugin file, then `args`.
 * Returns stdout.
 */
export function runPluginCode(pluginFile: string, body: string[], args: string[] = []): string {
  return execFileSync(
    process.env.PYTHON ?? 'python3',
    [
      '-c',
      [
        'import json, sys',
        'src = open(sys.argv[1]).read()',
        'ns = {}',
        "exec(src.split('class PoetryBinaryActionProbe')[0].replace('from nuitka.plugins.PluginBase import NuitkaPluginBase', ''), ns)",
        ...body
      ].join('\n'),
      pluginFile,
      ...args
    ],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }
  )
}
