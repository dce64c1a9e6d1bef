import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { CdpError } from '../../../shared/api/errors'

/**
 * Starts a worker thread whether the engine runs from TypeScript sources (tsx: tests, CLI, bridge) or from
 * the desktop build (electron-vite bundles the engine into out/main/index.js and the worker into
 * out/main/<bundledName>.js, both beside `__dirname` there).
 *
 * @param sourceEntry absolute path of the worker's .ts file
 * @param bundledName file name of the worker's bundled entry in the build, e.g. 'job-worker.js'
 */
export function spawnWorker(sourceEntry: string, bundledName: string, workerData: Record<string, unknown>): Worker {
  // The bundler may place this code in out/main or in out/main/chunks: look beside it and one level up.
  const bundled = [join(__dirname, bundledName), join(__dirname, '..', bundledName)].find((p) => existsSync(p))
  if (bundled) return new Worker(bundled, { workerData })
  if (existsSync(sourceEntry)) {
    return new Worker(join(__dirname, 'worker-bootstrap.cjs'), { workerData: { ...workerData, __entry: sourceEntry } })
  }
  throw new CdpError('Internal', `The background worker is missing (${bundledName}); reinstall Tessera.`)
}
