/** Sniffing: what each column holds (profiling, type detection) and a best-guess mapping for unknown sources. */
export { detectValueType } from './detect-type'
export { profileColumns } from './profile'
export { guessMapping } from './guess-mapping'
export { headerHint, headerWords } from './header-hints'
