/** Background jobs: persisted rows, one writer at a time, each in a worker thread. */
export { defineJob, type JobDefinition, type JobContext, type JobLog } from './define'
export { jobDefinition, jobKinds } from './catalog'
export { JobRunner, type JobRunnerOptions, type JobTarget } from './runner'
export { spawnWorker } from './spawn-worker'
export { Throttle } from './throttle'
export { jobHandlers, importJobHandlers, type FilePaths } from './handlers'
