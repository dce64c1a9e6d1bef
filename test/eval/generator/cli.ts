/**
 * `tsx test/eval/generator/cli.ts --people N --seed S --out DIR [--scale-rows R]`
 * Writes the five exports, truth.csv and manifest.json into DIR and prints the manifest.
 */
import { Command, InvalidArgumentError } from 'commander'
import { generate } from './generate'

const positiveInt = (value: string): number => {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`expected a non-negative integer, got '${value}'`)
  return n
}

const program = new Command('generate')
  .description('seeded multi-source customer exports with ground truth')
  .option('--people <n>', 'people to simulate (about 5 rows each across the sources)', positiveInt, 20_000)
  .option('--seed <n>', 'seed: the same seed gives byte-identical files', positiveInt, 1)
  .option('--scale-rows <n>', 'generate until about this many data rows in total (overrides --people)', positiveInt)
  .requiredOption('--out <dir>', 'output folder')
  .action((opts: { people: number; seed: number; scaleRows?: number; out: string }) => {
    const result = generate({ seed: opts.seed, out: opts.out, ...(opts.scaleRows === undefined ? { people: opts.people } : { rows: opts.scaleRows }) })
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
  })

program.parse(process.argv)
