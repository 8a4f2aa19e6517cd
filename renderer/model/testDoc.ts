import type { BlockMeta, Catalog, Scenario } from './types.js';

/** Small fixtures shared by the model tests. */
const meta = (type: string, ports: string[], params: BlockMeta['params'] = {}): BlockMeta => ({
  type,
  category: 'core',
  title: { en: type, ru: type },
  help: { en: '', ru: '' },
  params,
  ports,
});

export const testCatalog: Catalog = new Map(
  [
    meta('core.start', ['next']),
    meta('core.end', []),
    meta('core.log', ['next'], { message: { kind: 'any', title: { en: 'Message', ru: 'Сообщение' } } }),
    meta('core.if', ['true', 'false'], { condition: { kind: 'expression', title: { en: 'Condition', ru: 'Условие' } } }),
    meta('core.set', ['next'], { target: { kind: 'variable', title: { en: 'Target', ru: 'Цель' } } }),
  ].map((m) => [m.type, m]),
);

export function testDoc(): Scenario {
  return {
    format: 'cairn.scenario/1',
    id: 'doc-1',
    name: 'Test',
    variables: [{ name: 'total', type: 'number' }],
    blocks: [
      { id: 'start', type: 'core.start', at: [0, 0] },
      { id: 'check', type: 'core.if', at: [0, 100], params: { condition: { expr: 'total > 3' } } },
      { id: 'big', type: 'core.log', at: [-100, 200], params: { message: { expr: '`big ${total}`' } } },
      { id: 'small', type: 'core.log', at: [100, 200], params: { message: 'small' } },
    ],
    links: [
      { from: 'start', port: 'next', to: 'check' },
      { from: 'check', port: 'true', to: 'big' },
      { from: 'check', port: 'false', to: 'small' },
    ],
  };
}
