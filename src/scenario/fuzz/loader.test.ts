import fc from 'fast-check';
import { describe, it } from 'vitest';
import { FUZZ_SEED, loaderProperties } from './loaderProperties.js';

// Fixed seed: the same inputs every run, so a failure here is reproducible. `npm run fuzz` runs long.
describe('scenario loader and validator (property-based fuzz)', () => {
  for (const { name, property } of loaderProperties()) {
    it(`never throws, problems are well formed: ${name}`, () => {
      fc.assert(property, { seed: FUZZ_SEED, numRuns: 150 });
    });
  }
});
