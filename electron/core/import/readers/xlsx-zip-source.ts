/**
 * The byte stream handed to exceljs's streaming reader, guarding against an early end of its zip entries.
 *
 * exceljs pipes the file into unzipper's Parse and walks the entries with a helper that stops at the first
 * 'end' event. Parse emits an 'end' of its own as soon as its writable side finishes, that is once the whole
 * file has been handed to it, even while it is still parsing and entries it has pushed wait in its readable
 * buffer. exceljs pauses the entries while it works on one (spooling a sheet that precedes the shared strings
 * to a temporary file): every entry not yet read by then was lost. For a small file that was the workbook
 * part (a TypeError on `model.sheets`); for a file saved by Excel it could be the shared strings, whose cells
 * would have read as empty. It happened in about 1 read in 400 of a small workbook.
 *
 * The source catches the parser it is piped into and lets through only the 'end' its readable side emits
 * itself, after the last entry is read. It cannot hang on a damaged archive: the parser then fails with an
 * error (FILE_ENDED, a bad signature), and the zip guard has already checked the central directory.
 */
import { Duplex, PassThrough, type Readable } from 'node:stream'

export class ZipSource extends PassThrough {
  override pipe<T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T {
    if (destination instanceof Duplex) holdPrematureEnd(destination)
    return super.pipe(destination, options)
  }
}

/** Drops an 'end' event a duplex emits before its readable side has ended (readableEnded is set first). */
export function holdPrematureEnd(stream: Duplex): void {
  const emit = stream.emit.bind(stream) as Readable['emit']
  stream.emit = (event: string | symbol, ...args: unknown[]): boolean => {
    if (event === 'end' && !stream.readableEnded) return false
    return emit(event, ...args)
  }
}
