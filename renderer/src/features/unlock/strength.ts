/** How strong a passphrase looks, for the hint under the field (a nudge, not a policy). */
export interface Strength {
  /** 0 (too short) … 4 (strong). */
  score: 0 | 1 | 2 | 3 | 4
  label: string
  /** Rough bits of entropy from length and character pools. */
  bits: number
}

const labels = ['Too short', 'Weak', 'Fair', 'Good', 'Strong'] as const

/**
 * Estimates strength from length and the kinds of characters used, penalising repeats and common runs.
 * Under 8 characters is always "Too short" (the engine refuses it).
 */
export function passphraseStrength(text: string): Strength {
  if (text.length < 8) return { score: 0, label: labels[0], bits: 0 }
  let pool = 0
  if (/[a-z]/.test(text)) pool += 26
  if (/[A-Z]/.test(text)) pool += 26
  if (/[0-9]/.test(text)) pool += 10
  if (/[^a-zA-Z0-9]/.test(text)) pool += 33
  const unique = new Set(text.toLowerCase()).size
  // Repeated characters and keyboard runs add little: count effective length by distinct characters.
  const effective = Math.min(text.length, unique * 2)
  const runs = /(0123|1234|2345|3456|4567|5678|6789|abcd|qwer|asdf|password|letmein)/i.test(text) ? 0.6 : 1
  const bits = Math.round(effective * Math.log2(Math.max(pool, 2)) * runs)
  const score = bits >= 80 ? 4 : bits >= 60 ? 3 : bits >= 40 ? 2 : 1
  return { score, label: labels[score], bits }
}
