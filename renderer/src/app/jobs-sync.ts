import { useEffect } from 'react'
import type { JobView } from '../../../shared/api/channels'
import { api, useApi } from './api'
import { useAppStore } from './store'

/**
 * Keeps the store's job list live while a workspace is open: loads recent jobs, merges `job:progress`
 * into the matching job (cheap, ≤ 10/s per job), and reloads the list when a job starts or finishes.
 * Mounted once by the shell; screens read `useAppStore((s) => s.jobs)` or `useJob(id)`.
 */
export function useJobsSync(enabled: boolean): void {
  const api = useApi()
  useEffect(() => {
    if (!enabled) return undefined
    let alive = true
    const reload = (): void => {
      api
        .invoke('jobs:list', { limit: 30 })
        .then((jobs) => {
          if (alive) useAppStore.getState().setJobs(jobs)
        })
        .catch(() => undefined)
    }
    reload()
    const offProgress = api.on('job:progress', (p) => {
      const { jobs, patchJob } = useAppStore.getState()
      if (!jobs.some((j) => j.id === p.jobId)) return reload()
      patchJob(p.jobId, { status: 'running', progress: { phase: p.phase, done: p.done, total: p.total } })
    })
    const offFinished = api.on('job:finished', () => reload())
    const offData = api.on('data:changed', ({ scope }) => {
      if (scope === 'jobs' || scope === 'workspace') reload()
    })
    return () => {
      alive = false
      offProgress()
      offFinished()
      offData()
    }
  }, [api, enabled])
}

/** One job from the live list (undefined until it shows up there). */
export function useJob(jobId: string | undefined): JobView | undefined {
  return useAppStore((s) => (jobId ? s.jobs.find((j) => j.id === jobId) : undefined))
}

/** Fraction done in [0, 1], or undefined while the total is unknown. */
export function jobFraction(job: Pick<JobView, 'progress' | 'status'>): number | undefined {
  if (job.status === 'done') return 1
  const p = job.progress
  if (!p || p.total === null || p.total === 0) return undefined
  return Math.min(1, p.done / p.total)
}

/** Reloads the job list now (e.g. right after starting a job, before its first progress event). */
export async function refreshJobs(): Promise<void> {
  const jobs = await api.invoke('jobs:list', { limit: 30 })
  useAppStore.getState().setJobs(jobs)
}
