import { CdpError } from '../../shared/api/errors'

/**
 * The passphrase comes from CDP_PASSPHRASE (scripts, CI) or, on a terminal, a hidden prompt.
 * Never from a command-line flag: argv is visible to every user of the machine.
 */
export async function readPassphrase(opts: { confirm?: boolean } = {}): Promise<string> {
  const fromEnv = process.env.CDP_PASSPHRASE
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv
  if (!process.stdin.isTTY) {
    throw new CdpError('InvalidInput', 'No passphrase: set CDP_PASSPHRASE, or run cdp in a terminal to be asked for it.')
  }
  const first = await promptHidden('Passphrase: ')
  if (opts.confirm) {
    const second = await promptHidden('Repeat passphrase: ')
    if (first !== second) throw new CdpError('InvalidInput', 'The two passphrases differ; nothing was created.')
  }
  return first
}

function promptHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin
    process.stderr.write(prompt)
    let value = ''
    stdin.setRawMode(true)
    stdin.resume()
    stdin.setEncoding('utf8')
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          done()
          resolve(value)
          return
        }
        if (ch === '\u0003') {
          done()
          reject(new CdpError('Cancelled', 'Cancelled.'))
          return
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1)
        else value += ch
      }
    }
    const done = (): void => {
      stdin.off('data', onData)
      stdin.setRawMode(false)
      stdin.pause()
      process.stderr.write('\n')
    }
    stdin.on('data', onData)
  })
}
