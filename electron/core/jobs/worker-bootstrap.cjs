// Starts a worker from TypeScript sources (tests, the CLI, the bridge): register tsx in this thread, then
// load the real entry. The desktop build never comes here: it runs the bundled out/main/job-worker.js.
const { workerData } = require('node:worker_threads')

require('tsx/cjs/api').register()
require(workerData.__entry)
