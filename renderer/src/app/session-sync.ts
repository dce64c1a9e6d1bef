import { useEffect } from 'react'
import { useApi } from './api'
import { useAppStore } from './store'

/**
 * Keeps `status` (none | locked | open) in the store: loads it once, and again whenever the workspace is
 * locked (idle, menu) or changes. The shell shows the unlock screen whenever it is not open.
 */
export function useSessionSync(): void {
  const api = useApi()
  useEffect(() => {
    const load = (): void => {
      api
        .invoke('workspace:status', {})
        .then((s) => useAppStore.getState().setStatus(s))
        .catch(() => undefined)
    }
    load()
    const offLocked = api.on('workspace:locked', load)
    const offData = api.on('data:changed', ({ scope }) => {
      if (scope === 'workspace') load()
    })
    return () => {
      offLocked()
      offData()
    }
  }, [api])
}
