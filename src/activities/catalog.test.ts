import { describe, expect, it } from 'vitest';
import { allBlocks } from './catalog.js';
import { blockInfo } from './define.js';

/** Kinds the Designer's properties panel edits as JSON text (renderer/properties/LiteralEditor.tsx). */
const jsonShape: Record<string, (value: unknown) => boolean> = {
  list: Array.isArray,
  json: () => true,
  dictionary: (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  table: (value) => typeof value === 'object' && value !== null,
};

describe('block catalog', () => {
  it('shows JSON-edited parameters a placeholder in the form the field accepts', () => {
    const misleading: string[] = [];
    for (const block of allBlocks) {
      for (const [name, spec] of Object.entries(blockInfo(block).params)) {
        const fits = jsonShape[spec.kind];
        if (!fits || spec.placeholder === undefined) continue;
        let parsed: unknown;
        try {
          parsed = JSON.parse(spec.placeholder);
        } catch {
          misleading.push(`${block.type}.${name}: ${spec.placeholder}`);
          continue;
        }
        if (!fits(parsed)) misleading.push(`${block.type}.${name}: ${spec.placeholder}`);
      }
    }
    expect(misleading).toEqual([]);
  });
});
