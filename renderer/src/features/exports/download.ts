/**
 * Saves bytes the bridge sent (base64) as a browser download. The page never sees a path: the browser's
 * own download flow decides where the file goes.
 */
export function downloadBase64(fileName: string, mime: string, base64: string): void {
  const bin = atob(base64)
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.appendChild(a)
  a.click()
  a.remove()
  // Revoke after the click has been handled, or some browsers cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** "consent-denied:email" → "Consent denied (email)"; reasons the engine reports, for people. */
export function reasonLabel(reason: string): string {
  const [what, channel] = reason.split(':')
  const text = (what ?? reason).replace(/-/g, ' ')
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${channel ? ` (${channel})` : ''}`
}
