/**
 * `npm run fuzz -- [--runs N] [--seed S]`: the loader's property-based fuzz test, long. Prints
 * per property how many inputs passed, or the smallest failing input and the seed to replay it.
 */
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { loaderProperties } from './loaderProperties.js';

const { values } = parseArgs({ options: { runs: { type: 'string' }, seed: { type: 'string' } } });
const runs = Number(values.runs ?? 10_000);
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
if (!(runs > 0) || !Number.isInteger(seed)) {
  console.error('usage: npm run fuzz -- [--runs N] [--seed S]');
  process.exit(2);
}
console.log(`Fuzzing the scenario loader and validator: ${runs} inputs per property, seed ${seed}`);
let failed = 0;
for (const { name, property } of loaderProperties()) {
  const began = performance.now();
  const details = fc.check<[string]>(property, { seed, numRuns: runs });
  const took = ((performance.now() - began) / 1000).toFixed(1);
  if (details.failed) {
    failed++;
    const input = JSON.stringify(details.counterexample?.[0]) ?? '';
    console.log(`  ✖ ${name}: failed after ${details.numRuns} inputs (${took} s)\n    input: ${input.slice(0, 500)}\n    error: ${String(details.errorInstance).slice(0, 500)}`);
  } else console.log(`  ✔ ${name}: ${details.numRuns} inputs, no crash (${took} s)`);
}
console.log(failed === 0 ? 'No input crashed the loader.' : `${failed} propert${failed === 1 ? 'y' : 'ies'} failed; replay with --seed ${seed}`);
process.exitCode = failed === 0 ? 0 : 1;
