// Marks the ncc bundles as ES modules, the way the runner loads them.
import { writeFileSync } from 'node:fs'
for (const dir of ['dist', 'dist/cli']) {
  writeFileSync(`${dir}/package.json`, `${JSON.stringify({ type: 'module' }, null, 2)}\n`)
}
