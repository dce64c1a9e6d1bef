/**
 * The readers' safety limits. They bound memory and time on hostile or broken files; a file that
 * crosses one gets a clear CdpError (or, for one cell, a quarantined row) instead of a crash or a hang.
 */
export const limits = {
  /** Bytes read from the start of a text file to sniff encoding, delimiter, quotes and the header. */
  sniffBytes: 64 * 1024,
  /** The sniff window grows (doubling) up to this when the header alone is longer than sniffBytes. */
  maxSniffBytes: 8 * 1024 * 1024,
  /** Rows sampled to find the header line (title lines above it are skipped). */
  headerSampleRows: 50,
  /** Excel's own column limit; a wider header is almost surely a wrong delimiter or a broken file. */
  maxColumns: 16_384,
  /** A cell longer than this puts its row in quarantine (and is truncated there). */
  maxCellChars: 1024 * 1024,
  /** Kept of an oversized cell in the quarantined row, so the analyst can see what it was. */
  truncatedCellChars: 1024,
  /** One record (or NDJSON line) longer than this aborts the read: it is an unbalanced quote, not data. */
  maxRecordChars: 64 * 1024 * 1024,
  /** XLSX: total bytes all zip entries may inflate to. */
  maxInflatedBytes: 2 * 1024 * 1024 * 1024,
  /** XLSX: inflated/compressed ratio allowed for an entry once it passes minRatioCheckBytes. */
  maxCompressionRatio: 500,
  minRatioCheckBytes: 1024 * 1024,
} as const

/** Read chunk size for file streams. */
export const chunkBytes = 256 * 1024
