import { run } from './main.js'

await run()
// A cache or artifact call abandoned after its timeout may still hold a socket open; the step is done.
process.exit()
