declare module 'double-metaphone' {
  /** Returns [primary, secondary] Double Metaphone codes. CommonJS: `module.exports = doubleMetaphone`. */
  function doubleMetaphone(value: string): [string, string]
  export = doubleMetaphone
}
