import { randomBytes } from 'node:crypto'
import { homedir } from 'node:os'
import { basename, isAbsolute, resolve } from 'node:path'
import type { FileRef } from '../../../shared/api/channels'
import { CdpError } from '../../../shared/api/errors'

/**
 * Opaque handles for files the analyst chose. The shell (native dialog, a dropped file, a typed path,
 * an upload) registers the absolute path here and hands the renderer only `{ ref, name }`; handlers turn
 * the ref back into the path. Refs are random, per process, and never reveal the path.
 */
export class FileRefs {
  private readonly byRef = new Map<string, string>()
  private readonly byPath = new Map<string, string>()

  /** Registers an absolute path (the same path always gets the same ref within a process). */
  register(path: string): FileRef {
    const abs = resolve(path)
    let ref = this.byPath.get(abs)
    if (!ref) {
      ref = randomBytes(12).toString('hex')
      this.byRef.set(ref, abs)
      this.byPath.set(abs, ref)
    }
    return { ref, name: basename(abs) }
  }

  /** Registers a path a person typed: `~` is their home folder, relative paths are relative to it. */
  registerTyped(typed: string): FileRef {
    const trimmed = typed.trim()
    const expanded = trimmed === '~' || trimmed.startsWith('~/') ? homedir() + trimmed.slice(1) : trimmed
    return this.register(isAbsolute(expanded) ? expanded : resolve(homedir(), expanded))
  }

  /** The path behind a ref; throws CdpError('NotFound') for a ref this process never issued. */
  path(file: FileRef | string): string {
    const ref = typeof file === 'string' ? file : file.ref
    const path = this.byRef.get(ref)
    if (!path) throw new CdpError('NotFound', 'That file is no longer known to Tessera; choose it again.')
    return path
  }
}
