import type { FileRef } from '../../../shared/api/channels'

export interface OpenedFiles {
  intent: 'import' | 'open-workspace'
  files: FileRef[]
}

/**
 * Files handed to the app before its window could listen (Tessera launched by opening a file). The shell
 * puts them here; the renderer takes them once, at start-up (`files:take-opened`). Files that arrive later
 * travel as `files:opened` events only.
 */
export class OpenedInbox {
  private items: OpenedFiles[] = []

  put(item: OpenedFiles): void {
    this.items.push(item)
  }

  /** Everything waiting, oldest first; the inbox is empty afterwards. */
  take(): OpenedFiles[] {
    return this.items.splice(0)
  }
}
