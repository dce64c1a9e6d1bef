// Runs before `npm start`, `npm run dev` and `npm run dist` — never during install or tests.
// 1. Make sure the Electron binary is there (Electron >= 42 downloads it on first use, not at install).
// 2. Rebuild the SQLite addon for Electron's ABI. The tests and the CLI rebuild it back for Node on demand
//    (scripts/ensure-native.cjs), so both worlds keep working on one checkout.
const { execFileSync } = require('node:child_process')
const { join } = require('node:path')

const root = join(__dirname, '..')

function electronBinary() {
  try {
    return require('electron') // the path of the binary, or throws when it is not installed
  } catch {
    return undefined
  }
}

function fail(line) {
  process.stderr.write(`${line}\n`)
  process.exit(1)
}

if (!electronBinary()) {
  try {
    execFileSync(process.execPath, [join(root, 'node_modules/electron/install.js')], { stdio: 'inherit' })
  } catch {
    // fall through to the message below
  }
  if (!electronBinary()) {
    fail('Tessera: the Electron binary is not installed and could not be downloaded (offline?). ' +
      'Connect once and run `npm start` again, or use Tessera in your browser: `npm run serve -- --db <workspace.tdb>`.')
  }
}

// node-gyp must build against Electron's headers, not the machine's Node headers (an .npmrc may set nodedir).
const env = { ...process.env }
for (const k of Object.keys(env)) if (k.toLowerCase() === 'npm_config_nodedir') delete env[k]
try {
  execFileSync(process.execPath, [join(root, 'node_modules/@electron/rebuild/lib/cli.js'), '-f', '-w', 'better-sqlite3-multiple-ciphers'], {
    stdio: 'inherit', cwd: root, env,
  })
} catch {
  fail('Tessera: rebuilding the SQLite module for Electron failed (it needs Electron\'s headers, downloaded on first use). See README, "Running the desktop app".')
}
