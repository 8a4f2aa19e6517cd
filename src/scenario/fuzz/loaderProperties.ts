import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { catalogInfo } from '../../activities/catalog.js';
import { locateProblems, parseProject, parseScenario } from '../parse.js';
import type { ScenarioProblem } from '../problems.js';
import { lookupFrom, validateScenario, type BlockTypeLookup } from '../validate.js';

/**
 * Property-based fuzzing of the scenario loader and validator: whatever the text, reading it
 * gives a document or problems — never an exception (a RangeError from deep nesting, a TypeError
 * from an unexpected shape). Shared by the test in `npm test` (fixed seed, few runs) and
 * `npm run fuzz -- --runs 10000`.
 */

const sample = (path: string): string => readFileSync(fileURLToPath(new URL(`../../../resources/samples/${path}`, import.meta.url)), 'utf8');
const SEEDS = ['hello/main.scenario.json', 'loop-with-errors/main.scenario.json', 'invoke/main.scenario.json'].map(sample);

let lookup: BlockTypeLookup | undefined;
const catalog = (): BlockTypeLookup => (lookup ??= lookupFrom(catalogInfo()));

/** What `cairn validate` does with one file's text (without the file system). */
export function loadAndValidate(text: string): ScenarioProblem[] {
  const outcome = parseScenario(text);
  if (!outcome.ok) return outcome.problems;
  const found = [...(outcome.warnings ?? []), ...validateScenario(outcome.doc, catalog())];
  return outcome.migratedFrom === undefined ? locateProblems(text, found) : found;
}

/** Every problem is well formed: a code, both languages, a position inside the text. */
function checkProblems(text: string, problems: ScenarioProblem[]): boolean {
  const lines = text.split('\n').length;
  for (const p of problems) {
    if (typeof p.code !== 'string' || typeof p.message.en !== 'string' || typeof p.message.ru !== 'string') return false;
    if (p.line !== undefined && (p.line < 1 || p.line > lines || (p.column ?? 0) < 1)) return false;
  }
  return true;
}

const deepNesting = fc
  .tuple(fc.integer({ min: 1, max: 20_000 }), fc.constantFrom('[', '{"a":'))
  .map(([depth, open]) => open.repeat(depth) + '1' + (open === '[' ? ']' : '}').repeat(depth));

/** Any JSON value, sometimes nested far deeper than a scenario ever is. */
const anyJson: fc.Arbitrary<string> = fc.oneof(
  fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v) ?? 'null'),
  deepNesting,
  fc.constantFrom('"x"', '{"expr": "1 +"}', '{"expr": 5}', '"__proto__"', '[]', '{}', 'null', '-0', '1e400', '"\\ud800"'),
);

/** A sample scenario with one JSON value spliced in after a random `:` or `[` (keeps most of it valid). */
const splicedScenario = fc.tuple(fc.constantFrom(...SEEDS), fc.nat(), anyJson).map(([seed, at, value]) => {
  const spots = [...seed.matchAll(/[:[]\s*/g)].map((m) => m.index + m[0].length);
  const start = spots[at % spots.length];
  // Replace the value that starts there, roughly: up to the next , } or ] at this level is too clever; replace one token.
  const end = start + (seed.slice(start).match(/^("(?:[^"\\]|\\.)*"|[-\w.]+|\{\}|\[\])/)?.[0].length ?? 0);
  return seed.slice(0, start) + value + seed.slice(end);
});

/** A sample with random characters deleted, inserted or replaced. */
const mutatedText = fc
  .tuple(fc.constantFrom(...SEEDS), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 8 }), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 6 }))
  .map(([seed, edits]) => edits.reduce((text, [at, cut, insert]) => {
    const i = at % (text.length + 1);
    return text.slice(0, i) + insert + text.slice(i + cut);
  }, seed));

/** The loader's properties; `runs` per property. */
export function loaderProperties(): { name: string; property: fc.IPropertyWithHooks<[string]> | fc.IProperty<[string]> }[] {
  const neverThrows = (text: string) => checkProblems(text, loadAndValidate(text));
  return [
    { name: 'any text', property: fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 })), neverThrows) },
    { name: 'any JSON value, deep nesting included', property: fc.property(anyJson, neverThrows) },
    { name: 'a sample with a value spliced in', property: fc.property(splicedScenario, neverThrows) },
    { name: 'a sample with characters mutated', property: fc.property(mutatedText, neverThrows) },
    {
      name: 'project files',
      property: fc.property(fc.oneof(anyJson, fc.string({ maxLength: 100 })), (text) => {
        const outcome = parseProject(text);
        return outcome.ok || checkProblems(text, outcome.problems);
      }),
    },
  ];
}

export const FUZZ_SEED = 20_261_201;
