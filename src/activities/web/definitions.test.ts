import { describe, expect, it } from 'vitest';
import { blockInfo, type AnyBlockDefinition, type LocalizedText } from '../define.js';
import { httpBlocks } from '../http/index.js';
import { pythonBlocks } from '../python/index.js';
import { systemBlocks } from '../system/index.js';
import { webBlocks } from './index.js';

const categories: Record<string, AnyBlockDefinition[]> = { http: httpBlocks, web: webBlocks, python: pythonBlocks, system: systemBlocks };

const bilingual = (text: LocalizedText | undefined) => !!text && text.en.trim() !== '' && /[А-Яа-яЁё]/.test(text.ru);

describe.each(Object.entries(categories))('%s block definitions', (category, blocks) => {
  it('are named <category>.<camelName>, once each, and JSON-safe for the palette', () => {
    const types = blocks.map((b) => b.type);
    expect(new Set(types).size).toBe(types.length);
    for (const block of blocks) {
      expect(block.type).toMatch(new RegExp(`^${category}\\.[a-z][A-Za-z]+$`));
      expect(block.category).toBe(category);
      expect(JSON.parse(JSON.stringify(blockInfo(block)))).toEqual(blockInfo(block));
    }
  });

  it('speak English and Russian in titles, help, parameters, choices and outputs', () => {
    for (const block of blocks) {
      const where = block.type;
      expect(bilingual(block.title) && bilingual(block.help), where).toBe(true);
      for (const [name, spec] of Object.entries(blockInfo(block).params)) {
        expect(bilingual(spec.title), `${where}.${name}`).toBe(true);
        if (spec.help) expect(bilingual(spec.help), `${where}.${name} help`).toBe(true);
        for (const choice of spec.choices ?? []) expect(choice.title.en && choice.title.ru, `${where}.${name}=${choice.value}`).toBeTruthy();
      }
      for (const [name, output] of Object.entries(block.outputs ?? {})) expect(bilingual(output.title), `${where} → ${name}`).toBe(true);
    }
  });

  it('show at most one parameter on the canvas', () => {
    for (const block of blocks) {
      const keys = Object.values(blockInfo(block).params).filter((p) => p.key);
      expect(keys.length, block.type).toBeLessThanOrEqual(1);
    }
  });
});
