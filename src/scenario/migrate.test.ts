import { describe, expect, it } from 'vitest';
import { parseScenario } from './parse.js';
import { serializeScenario } from './serialize.js';

/** A file as the v0 prototype Designer saved it. */
const v0 = JSON.stringify({
  format: 'cairn.scenario/0',
  name: 'Old invoices',
  variables: [
    { name: 'inbox', type: 'string', direction: 'in', default: 'C:/in' },
    { name: 'rows', type: 'array' },
    { name: 'pwd', type: 'password', sensitive: true },
    { name: 'total', type: 'number', direction: 'out' },
  ],
  nodes: [
    { id: 'start', type: 'core.start', x: 10, y: 20 },
    {
      id: 'read',
      type: 'excel.readSheet',
      x: 10,
      y: 140,
      label: 'Read invoices',
      params: { path: { expr: "inbox + '/a.xlsx'" } },
      outputs: { table: 'rows' },
      onError: 'handle',
    },
    { id: 'notify', type: 'core.log', params: { message: 'failed' } },
  ],
  edges: [
    { source: 'start', target: 'read' },
    { source: 'read', sourceHandle: 'error', target: 'notify' },
  ],
});

describe('migration v0 → v1', () => {
  it('upgrades nodes, edges, positions, labels and type names', () => {
    const outcome = parseScenario(v0);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const doc = outcome.doc;
    expect(outcome.migratedFrom).toBe(0);
    expect(doc.format).toBe('cairn.scenario/1');
    expect(doc.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(doc.variables.map((v) => `${v.name}:${v.type}`)).toEqual([
      'inbox:text',
      'rows:list',
      'pwd:secret',
      'total:number',
    ]);
    expect(doc.blocks[0]).toEqual({ id: 'start', type: 'core.start', at: [10, 20] });
    expect(doc.blocks[1]).toMatchObject({
      id: 'read',
      at: [10, 140],
      title: 'Read invoices',
      outputs: { table: 'rows' },
      onError: 'handle',
    });
    expect(doc.blocks[2].at).toEqual([0, 0]);
    expect(doc.links).toEqual([
      { from: 'start', port: 'next', to: 'read' },
      { from: 'read', port: 'error', to: 'notify' },
    ]);
  });

  it('saves the migrated document as v1 that loads without migrating again', () => {
    const first = parseScenario(v0);
    if (!first.ok) throw new Error('v0 did not load');
    const text = serializeScenario(first.doc);
    const second = parseScenario(text);
    expect(second.ok && second.migratedFrom).toBe(undefined);
    expect(second.ok && second.doc).toEqual(first.doc);
  });

  it('reports schema problems of a migrated file without positions of the old layout', () => {
    const outcome = parseScenario(
      JSON.stringify({ format: 'cairn.scenario/0', name: 'x', nodes: [{ type: 'core.start' }] }),
    );
    expect(!outcome.ok && outcome.problems[0]).toMatchObject({ path: 'blocks[0].id' });
    expect(!outcome.ok && outcome.problems[0].line).toBeUndefined();
  });
});
