import { readFileSync, writeFileSync } from 'node:fs'
import { z } from 'zod'

export interface Bounds {
  x?: number
  y?: number
  width: number
  height: number
}

export interface Area {
  x: number
  y: number
  width: number
  height: number
}

const saved = z.object({ x: z.number(), y: z.number(), width: z.number().min(200), height: z.number().min(200), maximized: z.boolean() })
export type SavedWindowState = z.infer<typeof saved>

export const defaultBounds: Bounds = { width: 1280, height: 800 }

/**
 * Where to put the window: the saved bounds if they still fit on a connected display (a monitor may have
 * been unplugged), else the default size, centred by the OS. Pure: tests call it directly.
 */
export function restoreBounds(state: SavedWindowState | undefined, workAreas: readonly Area[]): Bounds {
  if (!state) return defaultBounds
  const visible = workAreas.some(
    (a) => state.x >= a.x - 50 && state.y >= a.y - 50 && state.x + 100 <= a.x + a.width && state.y + 100 <= a.y + a.height,
  )
  if (!visible) return defaultBounds
  const area = workAreas[0]
  return {
    x: state.x,
    y: state.y,
    width: area ? Math.min(state.width, area.width) : state.width,
    height: area ? Math.min(state.height, area.height) : state.height,
  }
}

/** Reads the saved state; a missing or damaged file means "no saved state". */
export function loadWindowState(file: string): SavedWindowState | undefined {
  try {
    const parsed = saved.safeParse(JSON.parse(readFileSync(file, 'utf8')))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}

export function saveWindowState(file: string, state: SavedWindowState): void {
  try {
    writeFileSync(file, JSON.stringify(state))
  } catch {
    // Losing the window position is not worth an error dialog.
  }
}
