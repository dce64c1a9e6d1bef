#!/usr/bin/env node
// The `cdp` command. The engine is TypeScript run through tsx, so the CLI, the tests and the bridge
// execute exactly the same sources as the desktop app's build.
require('../scripts/ensure-native.cjs').ensureNative()
require('tsx/cjs/api').register()
require('../electron/cli/main.ts')
