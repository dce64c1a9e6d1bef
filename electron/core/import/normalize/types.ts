/**
 * The result of a normaliser that can reject a value. Normalisers return `null` for empty input (nothing to
 * say), `{ ok: false, reason }` for a value that is present but unusable (the raw value is still kept), and
 * `{ ok: true, value }` otherwise. Reasons are short kebab-case codes shown in the import report.
 */
export type Norm<T> = { ok: true; value: T } | { ok: false; reason: string }

/** Builds the success half of a Norm. */
export const ok = <T>(value: T): Norm<T> => ({ ok: true, value })

/** Builds the failure half of a Norm. */
export const fail = <T>(reason: string): Norm<T> => ({ ok: false, reason })
