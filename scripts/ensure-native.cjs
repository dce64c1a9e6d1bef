// The SQLite addon is compiled for one ABI at a time: Node's (tests, CLI, bridge) or Electron's (the app,
// after `npm start`). If it was last built for Electron, rebuild it for this Node before going on.
// Quiet when nothing needs doing; progress goes to stderr so command output stays clean.
const { execSync } = require('node:child_process')

function loads() {
  try {
    const Database = require('better-sqlite3-multiple-ciphers')
    new Database(':memory:').close()
    return true
  } catch (e) {
    const msg = String(e && e.message)
    if (/NODE_MODULE_VERSION|did not self-register|invalid ELF|wrong ELF class|Could not locate the bindings/.test(msg)) return false
    throw e
  }
}

function ensureNative() {
  if (loads()) return
  process.stderr.write('Rebuilding the SQLite module for Node.js ' + process.version + ' (it was built for Electron)…\n')
  execSync('npm rebuild better-sqlite3-multiple-ciphers', { stdio: ['ignore', process.stderr, process.stderr], cwd: require('node:path').join(__dirname, '..') })
  for (const key of Object.keys(require.cache)) if (key.includes('better-sqlite3-multiple-ciphers')) delete require.cache[key]
  if (!loads()) throw new Error('The SQLite module still does not load after a rebuild; run `npm ci` again.')
}

module.exports = { ensureNative }
if (require.main === module) ensureNative()
