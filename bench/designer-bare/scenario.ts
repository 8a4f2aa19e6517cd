import type { Scenario } from '../../src/scenario/schema.js';

/** Blocks per row of the generated grid, and the spacing the Designer draws blocks at. */
const COLUMNS = 40;
const DX = 240;
const DY = 110;

/**
 * The benchmark scenario: `count` blocks in one chain (start → log … → end), laid out row by
 * row. The Designer opens it from a file; the bare React Flow page builds the same nodes and
 * edges from it, so both canvases draw exactly the same graph.
 */
export function generateScenario(count: number): Scenario {
  const blocks: Scenario['blocks'] = [];
  for (let i = 0; i < count; i++) {
    const type = i === 0 ? 'core.start' : i === count - 1 ? 'core.end' : 'core.log';
    const id = i === 0 ? 'start' : i === count - 1 ? 'end' : `log${i}`;
    const at: [number, number] = [(i % COLUMNS) * DX, Math.floor(i / COLUMNS) * DY];
    blocks.push(type === 'core.log' ? { id, type, at, params: { message: `Step ${i}` } } : { id, type, at });
  }
  const links = blocks.slice(1).map((b, i) => ({ from: blocks[i].id, port: 'next', to: b.id }));
  return { format: 'cairn.scenario/1', id: `bench-${count}`, name: 'Big', variables: [], blocks, links };
}
