import type { FieldTarget } from '../../../../shared/domain/fields'
import { cleanInto, type CellFlag } from '../normalize/clean'
import type { Mapping } from '../types'

export type DateOrder = 'YMD' | 'DMY' | 'MDY'

/** A mapping compiled against one file's header: column indexes per target, ready for the hot loop. */
export interface RowPlan {
  readonly mapping: Mapping
  readonly header: readonly string[]
  /** target → column indexes, in file order */
  readonly byTarget: ReadonlyMap<FieldTarget, readonly number[]>
  /** `attribute:<name>` columns */
  readonly attributes: ReadonlyArray<{ name: string; index: number }>
  /** Every mapped column index, so only those cells are cleaned. */
  readonly used: readonly number[]
  readonly dateOrders: Record<string, DateOrder>
  readonly defaultCountry: string
  readonly orderLines: boolean
}

// Several columns mapped to one of these are joined with a space (street_number + address_1 → street).
const JOINED = new Set<FieldTarget>(['street', 'street2', 'full_name', 'company', 'city'])

/** Compiles `mapping` for `header`. Columns the mapping names but the file lacks are simply absent. */
export function compilePlan(header: readonly string[], mapping: Mapping, defaultCountry: string): RowPlan {
  const byTarget = new Map<FieldTarget, number[]>()
  const attributes: Array<{ name: string; index: number }> = []
  const used: number[] = []
  header.forEach((name, index) => {
    const target = mapping.columns[name] ?? mapping.columns[name.trim()]
    if (!target || target === 'ignore') return
    used.push(index)
    if (target.startsWith('attribute:')) attributes.push({ name: target.slice('attribute:'.length), index })
    else byTarget.set(target, [...(byTarget.get(target) ?? []), index])
  })
  return {
    mapping, header, byTarget, attributes, used,
    dateOrders: { ...mapping.dateOrders },
    defaultCountry,
    orderLines: mapping.quirks?.includes('shopify-order-lines') ?? false,
  }
}

/** Flags of the cell being cleaned, emptied after each (rows are cleaned one at a time). */
const scratch: CellFlag[] = []

/** One row's cleaned cells, read by target. Cleaning happens once per used cell. */
export class RowCells {
  private readonly clean: Array<string | undefined>
  /** Column name → flags worth keeping (an Excel-mangled id, NUL bytes, a formula-like value). */
  readonly flags: Record<string, string[]> = {}

  constructor(private readonly plan: RowPlan, cells: readonly string[]) {
    this.clean = new Array<string | undefined>(cells.length)
    for (const i of plan.used) {
      this.clean[i] = cleanInto(cells[i] ?? '', scratch)
      if (!scratch.length) continue
      const notable = scratch.filter((f) => f !== 'apostrophe-prefix' && f !== 'control-chars')
      scratch.length = 0
      if (notable.length) this.flags[plan.header[i] ?? String(i)] = notable
    }
  }

  /** The cleaned value for `target`, or null when empty. Joined or first non-empty, by target. */
  get(target: FieldTarget): string | null {
    const idx = this.plan.byTarget.get(target)
    if (!idx) return null
    if (idx.length === 1) return this.at(idx[0]!)
    const values = idx.map((i) => this.at(i)).filter((v): v is string => v !== null)
    if (!values.length) return null
    return JOINED.has(target) ? values.join(' ') : values[0]!
  }

  /** The column a target was read from (the first), for per-column decisions such as date order. */
  column(target: FieldTarget): string | undefined {
    const i = this.plan.byTarget.get(target)?.[0]
    return i === undefined ? undefined : this.plan.header[i]
  }

  at(index: number): string | null {
    const v = this.clean[index]
    return v === undefined || v === '' ? null : v
  }

  isFlagged(target: FieldTarget, flag: string): boolean {
    const col = this.column(target)
    return col !== undefined && (this.flags[col]?.includes(flag) ?? false)
  }

  /** True when no mapped cell holds anything. */
  isEmpty(): boolean {
    return this.plan.used.every((i) => this.at(i) === null)
  }
}
