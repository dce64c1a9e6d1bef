import { useCallback, useEffect, useRef, useState } from 'react'
import type { Channel, InArg, Out } from '../../../shared/api/contract'
import type { EventPayload } from '../../../shared/api/events'
import { ApiError, useApi } from './api'

type Scope = EventPayload<'data:changed'>['scope']

export interface QueryState<T> {
  data: T | undefined
  error: ApiError | undefined
  /** True while the first answer (or an answer after the input changed) is on its way. */
  loading: boolean
  refetch(): void
}

/**
 * Fetches a channel's output and refetches whenever the engine says one of `scopes` changed (`data:changed`)
 * or the input changes. No timers: push events drive freshness. `enabled: false` skips the call.
 * Stale answers (an older input that resolves late) are dropped.
 */
export function useApiQuery<C extends Channel>(
  channel: C,
  input: InArg<C>,
  opts: { scopes?: readonly Scope[]; enabled?: boolean } = {},
): QueryState<Out<C>> {
  const api = useApi()
  const key = JSON.stringify(input)
  const enabled = opts.enabled ?? true
  const scopes = (opts.scopes ?? []).join(',')
  const [state, setState] = useState<{ data: Out<C> | undefined; error: ApiError | undefined; loading: boolean }>({
    data: undefined,
    error: undefined,
    loading: enabled,
  })
  const seq = useRef(0)
  const run = useCallback(() => {
    if (!enabled) return
    const mine = ++seq.current
    setState((s) => ({ ...s, loading: s.data === undefined }))
    api
      .invoke(channel, JSON.parse(key) as InArg<C>)
      .then((data) => {
        if (mine === seq.current) setState({ data, error: undefined, loading: false })
      })
      .catch((e: unknown) => {
        const error = e instanceof ApiError ? e : new ApiError('Internal', String(e))
        if (mine === seq.current) setState((s) => ({ data: s.data, error, loading: false }))
      })
  }, [api, channel, key, enabled])

  useEffect(() => {
    run()
  }, [run])

  useEffect(() => {
    if (!scopes) return undefined
    const wanted = new Set(scopes.split(','))
    return api.on('data:changed', ({ scope }) => {
      if (wanted.has(scope) || scope === 'workspace') run()
    })
  }, [api, run, scopes])

  return { ...state, refetch: run }
}
