import { create, type StateCreator } from 'zustand'
import type { FileRef, JobView, WorkspaceStatus } from '../../../shared/api/channels'
import { createReviewSlice, type ReviewSlice } from '../features/review/slice'

/**
 * One bound zustand store made of typed slices (STYLE.md §5). Server data lives in the engine and is
 * fetched through the API (see use-query.ts); the store keeps what the UI itself owns or shares across
 * screens: the workspace status, the live job list, the current route, panel state.
 *
 * Adding a slice (one line here, plus the slice file):
 *   1. in `features/<name>/slice.ts` export `interface XxxSlice {…}` and
 *      `const createXxxSlice: SliceCreator<XxxSlice> = (set, get) => ({…})`;
 *   2. add `XxxSlice` to `AppState` and `...createXxxSlice(...a)` to `useAppStore` below.
 * Components select primitives (`useAppStore((s) => s.route.screen)`) or use `useShallow` for objects.
 */

/** A place in the app: a screen id from screens.ts and an optional parameter (e.g. a profile id). */
export interface Route {
  screen: string
  param?: string
}

export interface SessionSlice {
  status: WorkspaceStatus | undefined
  setStatus(status: WorkspaceStatus): void
}

export interface JobsSlice {
  /** Recent jobs, newest first, with live progress merged in from `job:progress` events. */
  jobs: JobView[]
  jobsPanelOpen: boolean
  setJobs(jobs: JobView[]): void
  patchJob(id: string, patch: Partial<JobView>): void
  setJobsPanelOpen(open: boolean): void
}

export interface UiSlice {
  route: Route
  navigate(route: Route): void
  /** A file handed to the app from outside (dropped on the window, "Open with"), waiting for the import wizard. */
  pendingImport: FileRef | null
  setPendingImport(file: FileRef | null): void
}

export type AppState = SessionSlice & JobsSlice & UiSlice & ReviewSlice

/** A slice creator over the whole state, so a slice may read others through `get()`. */
export type SliceCreator<S> = StateCreator<AppState, [], [], S>

const createSessionSlice: SliceCreator<SessionSlice> = (set) => ({
  status: undefined,
  setStatus: (status) => set({ status }),
})

const createJobsSlice: SliceCreator<JobsSlice> = (set) => ({
  jobs: [],
  jobsPanelOpen: false,
  setJobs: (jobs) => set({ jobs }),
  patchJob: (id, patch) => set((s) => ({ jobs: s.jobs.map((j) => (j.id === id ? { ...j, ...patch } : j)) })),
  setJobsPanelOpen: (jobsPanelOpen) => set({ jobsPanelOpen }),
})

/** Reads `#/screen/param` so a reload lands where the analyst was. */
export function routeFromHash(hash: string): Route {
  const [screen, ...rest] = hash.replace(/^#\/?/, '').split('/')
  const param = rest.length ? decodeURIComponent(rest.join('/')) : undefined
  return { screen: screen || 'home', ...(param ? { param } : {}) }
}

export function hashFromRoute(route: Route): string {
  return `#/${route.screen}${route.param ? `/${encodeURIComponent(route.param)}` : ''}`
}

const createUiSlice: SliceCreator<UiSlice> = (set) => ({
  route: routeFromHash(typeof window === 'undefined' ? '' : window.location.hash),
  navigate: (route) => {
    if (typeof window !== 'undefined') {
      const hash = hashFromRoute(route)
      if (window.location.hash !== hash) window.history.pushState(null, '', hash)
    }
    set({ route })
  },
  pendingImport: null,
  setPendingImport: (pendingImport) => set({ pendingImport }),
})

export const useAppStore = create<AppState>()((...a) => ({
  ...createSessionSlice(...a),
  ...createJobsSlice(...a),
  ...createUiSlice(...a),
  ...createReviewSlice(...a),
}))

/** Navigate from outside React (event handlers in non-component code). */
export const navigate = (route: Route): void => useAppStore.getState().navigate(route)
