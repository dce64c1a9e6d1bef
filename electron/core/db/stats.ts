import type { Workspace } from './workspace'
import { currentSchemaVersion, schemaVersion } from './migrate'

export interface WorkspaceInfo {
  workspaceId: string
  createdAt: string
  schemaVersion: number
  appSchemaVersion: number
  counts: {
    sources: number
    imports: number
    rawRows: number
    quarantined: number
    records: number
    events: number
    profiles: number
    pendingReviews: number
    segments: number
    exports: number
    suppressed: number
  }
}

/** Counts for the CLI's `info` and the home screen. Cheap: every count uses an index or a small table. */
export function workspaceInfo(ws: Workspace): WorkspaceInfo {
  const one = (sql: string): number => ws.sqlite.prepare(sql).pluck().get() as number
  const setting = (key: string): string => {
    const v = ws.sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined
    return v === undefined ? '' : (JSON.parse(v) as string)
  }
  return {
    workspaceId: setting('workspace_id'),
    createdAt: setting('created_at'),
    schemaVersion: schemaVersion(ws.sqlite),
    appSchemaVersion: currentSchemaVersion(),
    counts: {
      sources: one('SELECT count(*) FROM sources'),
      imports: one("SELECT count(*) FROM imports WHERE status = 'done'"),
      rawRows: one('SELECT count(*) FROM raw_rows'),
      quarantined: one("SELECT count(*) FROM raw_rows WHERE outcome = 'quarantined'"),
      records: one('SELECT count(*) FROM records'),
      events: one('SELECT count(*) FROM events'),
      profiles: one("SELECT count(*) FROM profiles WHERE status = 'active'"),
      pendingReviews: one("SELECT count(*) FROM review_items WHERE status = 'pending'"),
      segments: one('SELECT count(*) FROM segments'),
      exports: one('SELECT count(*) FROM exports'),
      suppressed: one('SELECT count(*) FROM suppressions'),
    },
  }
}
