/**
 * Flattens JSON records into dotted-key cells: nested objects become `a.b.c`, arrays stay as JSON text,
 * null becomes '', booleans 'true'/'false', numbers keep their exact source text (long ids survive).
 *
 * `TokenFlattener` consumes stream-json's packed tokens for a JSON array of records; `flattenLine`
 * handles one NDJSON line.
 */
import { CdpError } from '../../../../shared/api/errors'

/** A stream-json token with packed values (keys, strings and numbers arrive whole, numbers as text). */
export interface JsonToken {
  name: string
  value?: unknown
}

/** One element of the top-level array: its flattened fields, or why it is not a record. */
export type JsonRecord = { fields: Map<string, string>; error?: undefined } | { fields?: undefined; error: string }

interface Frame {
  kind: 'object' | 'array'
  prefix: string
  count: number
}

/**
 * Feeds tokens one by one; `push` returns a finished record when an element of the top-level array
 * ends. Throws CdpError('UnsupportedFile') when the document is not an array.
 */
export class TokenFlattener {
  private depth = 0
  private fields = new Map<string, string>()
  private frames: Frame[] = []
  private key = ''
  /** JSON text of an array being captured, and the frames inside it. */
  private capture: { path: string; text: string; frames: Frame[] } | undefined
  private elementError: string | undefined

  push(token: JsonToken): JsonRecord | undefined {
    if (this.depth === 0) return this.startDocument(token)
    if (this.depth === 1) return this.startElement(token)
    if (this.elementError !== undefined) return this.skip(token)
    if (this.capture) return this.captureToken(token, this.capture)
    return this.objectToken(token)
  }

  private startDocument(token: JsonToken): undefined {
    if (token.name === 'startArray') {
      this.depth = 1
      return undefined
    }
    const found = token.name === 'startObject' ? 'an object' : 'a single value'
    throw new CdpError('UnsupportedFile', `The JSON file holds ${found}, not an array of records; export it as a JSON array or NDJSON.`)
  }

  private startElement(token: JsonToken): JsonRecord | undefined {
    if (token.name === 'endArray') {
      this.depth = 0
      return undefined
    }
    if (token.name === 'startObject') {
      this.depth = 2
      this.fields = new Map()
      this.frames = [{ kind: 'object', prefix: '', count: 0 }]
      return undefined
    }
    if (token.name === 'startArray') {
      this.depth = 2
      this.elementError = 'this element is an array, not an object (record)'
      return undefined
    }
    return { error: `this element is ${scalarText(token) || 'empty'}, not an object (record)` }
  }

  /** Skips a nested array element that is not a record, keeping depth. */
  private skip(token: JsonToken): JsonRecord | undefined {
    if (token.name === 'startArray' || token.name === 'startObject') this.depth++
    if (token.name === 'endArray' || token.name === 'endObject') this.depth--
    if (this.depth > 1) return undefined
    const error = this.elementError as string
    this.elementError = undefined
    return { error }
  }

  private objectToken(token: JsonToken): JsonRecord | undefined {
    const frame = this.frames[this.frames.length - 1] as Frame
    switch (token.name) {
      case 'keyValue':
        this.key = String(token.value)
        return undefined
      case 'startObject':
        this.frames.push({ kind: 'object', prefix: `${frame.prefix}${this.key}.`, count: 0 })
        return undefined
      case 'startArray':
        this.capture = { path: frame.prefix + this.key, text: '[', frames: [{ kind: 'array', prefix: '', count: 0 }] }
        return undefined
      case 'endObject':
        this.frames.pop()
        if (this.frames.length > 0) return undefined
        this.depth = 1
        return { fields: this.fields }
      default:
        this.fields.set(frame.prefix + this.key, cellText(token))
        return undefined
    }
  }

  /** Re-serialises an array value as compact JSON, keeping number text exact. */
  private captureToken(token: JsonToken, capture: { path: string; text: string; frames: Frame[] }): undefined {
    const frame = capture.frames[capture.frames.length - 1] as Frame
    const separator = (): string => (frame.kind === 'array' && frame.count++ > 0 ? ',' : '')
    switch (token.name) {
      case 'keyValue':
        capture.text += `${frame.count++ > 0 ? ',' : ''}${JSON.stringify(String(token.value))}:`
        break
      case 'startObject':
      case 'startArray':
        capture.text += separator() + (token.name === 'startObject' ? '{' : '[')
        capture.frames.push({ kind: token.name === 'startObject' ? 'object' : 'array', prefix: '', count: 0 })
        break
      case 'endObject':
      case 'endArray':
        capture.text += token.name === 'endObject' ? '}' : ']'
        capture.frames.pop()
        if (capture.frames.length === 0) {
          this.fields.set(capture.path, capture.text)
          this.capture = undefined
        }
        break
      default:
        capture.text += separator() + jsonText(token)
    }
    return undefined
  }
}

function cellText(token: JsonToken): string {
  if (token.name === 'nullValue') return ''
  if (token.name === 'trueValue') return 'true'
  if (token.name === 'falseValue') return 'false'
  return String(token.value ?? '')
}

function jsonText(token: JsonToken): string {
  if (token.name === 'stringValue') return JSON.stringify(String(token.value))
  if (token.name === 'nullValue') return 'null'
  return cellText(token)
}

function scalarText(token: JsonToken): string {
  if (token.name === 'stringValue') return `a string (${JSON.stringify(String(token.value).slice(0, 40))})`
  if (token.name === 'numberValue') return `a number (${String(token.value)})`
  return `a ${token.name.replace('Value', '')}`
}

// ---------- NDJSON ----------

/** Numbers are rewritten as "\u0000<digits>" strings so JSON.parse keeps their exact text (long ids). */
const numberMark = '\u0000'
const stringsOrNumbers = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g

/** Parses one NDJSON line into flattened fields, or says why it is not a record. */
export function flattenLine(line: string): JsonRecord {
  let value: unknown
  try {
    value = JSON.parse(line.replace(stringsOrNumbers, (m) => (m.startsWith('"') ? m : `"\\u0000${m}"`)))
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e)
    return { error: `invalid JSON on this line (${reason}): ${line.length > 200 ? `${line.slice(0, 200)}…` : line}` }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { error: `this line holds ${Array.isArray(value) ? 'an array' : 'a single value'}, not an object (record)` }
  }
  const fields = new Map<string, string>()
  flattenInto(value as Record<string, unknown>, '', fields)
  return { fields }
}

function flattenInto(object: Record<string, unknown>, prefix: string, fields: Map<string, string>): void {
  for (const [key, value] of Object.entries(object)) {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      flattenInto(value as Record<string, unknown>, `${prefix}${key}.`, fields)
    } else {
      fields.set(prefix + key, Array.isArray(value) ? serialise(value) : scalarCell(value))
    }
  }
}

function scalarCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value.startsWith(numberMark) ? value.slice(1) : value
  return String(value)
}

/** JSON text with marked numbers written back as numbers. */
function serialise(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(serialise).join(',')}]`
  if (typeof value === 'object' && value !== null) {
    return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${serialise(v)}`).join(',')}}`
  }
  if (typeof value === 'string' && value.startsWith(numberMark)) return value.slice(1)
  return JSON.stringify(value)
}
