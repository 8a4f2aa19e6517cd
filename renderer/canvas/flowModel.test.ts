import { describe, expect, it } from 'vitest';
import { syncEdges, syncNodes } from './flowModel.js';
import { moveBlocks } from '../model/edits.js';
import { testDoc } from '../model/testDoc.js';

describe('document → canvas sync', () => {
  it('reuses every node whose block and selection did not change, keeping React Flow measurements', () => {
    const doc = testDoc();
    const first = syncNodes(doc.blocks, new Set(), []).map((n) => ({
      ...n,
      measured: { width: 200, height: 50 },
    }));
    const moved = moveBlocks(doc, new Map([['big', [1, 2]]]));
    const next = syncNodes(moved.blocks, new Set(), first);
    expect(next[0]).toBe(first[0]);
    expect(next[2]).not.toBe(first[2]);
    expect(next[2]).toMatchObject({ position: { x: 1, y: 2 }, measured: { width: 200, height: 50 } });
  });

  it('returns the same array when nothing changed, so React Flow is not even told', () => {
    const doc = testDoc();
    const nodes = syncNodes(doc.blocks, new Set(['check']), []);
    expect(syncNodes(doc.blocks, new Set(['check']), nodes)).toBe(nodes);
    const edges = syncEdges(doc.links, new Set(), []);
    expect(syncEdges(doc.links, new Set(), edges)).toBe(edges);
  });

  it('rebuilds only the nodes whose selection changed', () => {
    const doc = testDoc();
    const nodes = syncNodes(doc.blocks, new Set(['check']), []);
    const next = syncNodes(doc.blocks, new Set(['big']), nodes);
    expect(next.map((n, i) => n === nodes[i])).toEqual([true, false, false, true]);
    expect(next.filter((n) => n.selected).map((n) => n.id)).toEqual(['big']);
  });

  it('wires edges to the ports by name and colours them by port kind', () => {
    const edges = syncEdges(testDoc().links, new Set(), []);
    expect(edges[1]).toMatchObject({
      id: 'check:true->big',
      source: 'check',
      sourceHandle: 'true',
      target: 'big',
      className: 'link-true',
    });
    expect(edges[0]).toMatchObject({ className: 'link-next' });
    expect(edges[1]).not.toHaveProperty('label');
  });
});
