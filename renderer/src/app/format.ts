/** Locale-aware formatting (the OS/browser locale), in one place so every screen agrees. */
const numberFmt = new Intl.NumberFormat()
const percentFmt = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 })
const dateTimeFmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
const dateFmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })

export const formatNumber = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : numberFmt.format(n))
export const formatPercent = (f: number | null | undefined): string => (f === null || f === undefined ? '—' : percentFmt.format(f))

/** ISO text → local date and time; anything unparseable is shown as given. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : dateTimeFmt.format(d)
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—'
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : dateFmt.format(d)
}
