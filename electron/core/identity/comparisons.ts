/**
 * The comparisons of the model and their ordered levels. Level 0 is always "null" (a value missing on
 * either side: neutral, weight 0); levels 1.. run from the strongest agreement to disagreement.
 * The address (street, house number, postcode, city) is ONE comparison: a household shares all of it, so
 * counting its parts as independent evidence would rate two household members as a near-certain match.
 */
export interface ComparisonSpec {
  readonly name: string
  /** Labels of levels 1.. (level 0 is 'null'). */
  readonly levels: readonly string[]
  /** Prior m-probabilities of levels 1.. (used to start EM and as pseudo-counts for tiny workspaces). */
  readonly mPrior: readonly number[]
  /** Prior u-probabilities of levels 1.. (blended with the estimate from random pairs). */
  readonly uPrior: readonly number[]
  /**
   * Levels (1-based) weighed 0 whatever EM fits: evidence neither for nor against, by design. EM learns m from
   * candidate pairs, and when the true pairs it sees at a level are mostly those some other comparison already
   * found, it misjudges how often one person shows that level.
   */
  readonly neutral?: readonly number[]
  /**
   * Levels (1-based) weighed as another, stronger level of the same comparison, whatever EM fits: [level, as].
   * For a level that is the same fact written differently. Fellegi-Sunter weighs a level log2(m/u), and EM's m
   * is how often one person shows the level: a rare spelling of the same fact gets a smaller m, so a smaller
   * weight, while it proves exactly as much.
   */
  readonly sameAs?: ReadonlyArray<readonly [level: number, as: number]>
}

export const comparisons: readonly ComparisonSpec[] = [
  { name: 'first_name', levels: ['exact', 'nickname or close', 'initial or phonetic or far', 'different'],
    mPrior: [0.8, 0.12, 0.05, 0.03], uPrior: [0.01, 0.004, 0.04, 0.946] },
  { name: 'last_name', levels: ['exact', 'close', 'phonetic or far', 'different'],
    mPrior: [0.85, 0.08, 0.04, 0.03], uPrior: [0.005, 0.002, 0.02, 0.973] },
  // A record without a date of birth whose email carries the other's birth year (thomash78@, john1967@) is
  // weaker evidence than a date, and its own level.
  { name: 'birth_date', levels: ['exact', 'one edit or day/month swapped', 'within a year', 'birth year in the email', 'different'],
    mPrior: [0.83, 0.1, 0.02, 0.02, 0.03], uPrior: [0.0005, 0.004, 0.02, 0.002, 0.9735] },
  // A state alone is weak but real: two different people who share a full name share a state 4% of the time on
  // the generator's set, one person's records 84% of the time (a newsletter's geolocated region against a
  // customer's address).
  { name: 'address', levels: ['same house, street and postcode', 'same house number and street or postcode', 'same street or postcode', 'same city',
    'same region', 'different'],
    mPrior: [0.6, 0.12, 0.1, 0.05, 0.05, 0.08], uPrior: [0.0002, 0.0008, 0.004, 0.05, 0.1, 0.845] },
  // A work address on one side and a personal (free-mail) one on the other is how one person usually differs
  // between a CRM and a shop: its own level, so EM weighs it apart from two unrelated addresses.
  // A shared mailbox named after the family (thesmiths@, garciahome@) is household evidence, not personal:
  // its own level too, and the household rule treats it like a shared address or landline.
  // A work address and a personal one say nothing either way: a person with a job has both, two people have
  // them at the same rate. EM put the level at -1.65 bits on the generator's 20k set, where pairs there with
  // the same name were true 2-4 times as often as their weight said (at -2 bits: 58% true, not 20%).
  // Two spellings of one Gmail mailbox (j.smith@ and jsmith@gmail.com) reach one inbox: the same fact as an
  // exact address. EM weighed the level 3-4 bits under exact (few people write their address both ways) and
  // the generator's 20k set queued 37 such pairs, 34 of them one person.
  { name: 'email', levels: ['exact', 'same after gmail folding', 'same household mailbox', 'local part close', 'work and personal addresses', 'different'],
    mPrior: [0.75, 0.05, 0.02, 0.05, 0.08, 0.05], uPrior: [0.0001, 0.0001, 0.0001, 0.001, 0.3, 0.6987], neutral: [5], sameAs: [[2, 1]] },
  { name: 'phone', levels: ['exact', 'same last 7 digits', 'different'],
    mPrior: [0.75, 0.05, 0.2], uPrior: [0.0002, 0.0008, 0.999] },
  { name: 'company', levels: ['same', 'overlapping', 'different'],
    mPrior: [0.6, 0.2, 0.2], uPrior: [0.02, 0.03, 0.95] },
  { name: 'external_id', levels: ['same id', 'one character off', 'different id in the same system'],
    mPrior: [0.9, 0.05, 0.05], uPrior: [0.0001, 0.0004, 0.9995] },
]

export const K = comparisons.length

/** Comparison indexes, in the order of `comparisons`. */
export const C = { First: 0, Last: 1, Dob: 2, Address: 3, Email: 4, Phone: 5, Company: 6, ExtId: 7 } as const

/** Total number of levels (including null) per comparison, and offsets into a flat parameter array. */
export const levelCounts: readonly number[] = comparisons.map((c) => c.levels.length + 1)
export const levelOffsets: readonly number[] = levelCounts.reduce<number[]>((acc, _c, i) => {
  acc.push(i === 0 ? 0 : acc[i - 1]! + levelCounts[i - 1]!)
  return acc
}, [])
export const totalLevels = levelCounts.reduce((a, b) => a + b, 0)
