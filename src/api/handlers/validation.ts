import { catalogInfo } from '../../activities/catalog.js';
import type { Scenario } from '../../scenario/schema.js';
import { lookupFrom, validateScenario, type BlockTypeLookup } from '../../scenario/validate.js';
import type { Problem } from '../schemas.js';

let lookup: BlockTypeLookup | undefined;

/** Validates a document against the block catalog (the same check `cairn validate` runs). */
export function validateDocument(doc: Scenario): Problem[] {
  lookup ??= lookupFrom(catalogInfo());
  return validateScenario(doc, lookup);
}
