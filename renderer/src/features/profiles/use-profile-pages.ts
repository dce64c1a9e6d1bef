import { useCallback, useEffect, useRef, useState } from 'react'
import type { ProfileRow } from '../../../../shared/api/channels/profiles'
import { useApi } from '../../app/api'

export const pageSize = 100

export interface ProfileFilters {
  search: string
  segment: string | null
  source: string | null
}

/**
 * Server-side paging for the virtualised profiles table: pages of 100 are fetched when the visible range
 * needs them and kept in a sparse cache; the total comes with every page. Filters (or a `data:changed`
 * for profiles) reset the cache. Memory stays bounded by what was scrolled past, not by the table size.
 */
export function useProfilePages(filters: ProfileFilters) {
  const api = useApi()
  const [total, setTotal] = useState<number | undefined>(undefined)
  const [error, setError] = useState<unknown>()
  const [version, setVersion] = useState(0)
  const pages = useRef(new Map<number, ProfileRow[]>())
  const inFlight = useRef(new Set<number>())
  const generation = useRef(0)
  const key = JSON.stringify(filters)

  const reset = useCallback(() => {
    generation.current++
    pages.current = new Map()
    inFlight.current = new Set()
    setVersion((v) => v + 1)
  }, [])

  const load = useCallback(
    (page: number) => {
      if (pages.current.has(page) || inFlight.current.has(page)) return
      const gen = generation.current
      inFlight.current.add(page)
      const f = JSON.parse(key) as ProfileFilters
      api
        .invoke('profiles:list', {
          offset: page * pageSize,
          limit: pageSize,
          ...(f.search.trim() ? { search: f.search.trim() } : {}),
          ...(f.segment ? { segment: f.segment } : {}),
          ...(f.source ? { source: f.source } : {}),
        })
        .then((r) => {
          if (gen !== generation.current) return
          pages.current.set(page, r.rows)
          setTotal(r.total)
          setError(undefined)
          setVersion((v) => v + 1)
        })
        .catch((e: unknown) => gen === generation.current && setError(e))
        .finally(() => inFlight.current.delete(page))
    },
    [api, key],
  )

  useEffect(() => {
    reset()
    setTotal(undefined)
    load(0)
  }, [key, load, reset])

  useEffect(
    () =>
      api.on('data:changed', ({ scope }) => {
        if (scope === 'profiles' || scope === 'records' || scope === 'workspace') {
          reset()
          load(0)
        }
      }),
    [api, load, reset],
  )

  const row = useCallback((index: number): ProfileRow | undefined => pages.current.get(Math.floor(index / pageSize))?.[index % pageSize], [])
  /** Asks for the pages covering rows [start, end]. */
  const ensure = useCallback(
    (start: number, end: number) => {
      for (let p = Math.floor(start / pageSize); p <= Math.floor(end / pageSize); p++) load(p)
    },
    [load],
  )
  return { total, error, row, ensure, version }
}
