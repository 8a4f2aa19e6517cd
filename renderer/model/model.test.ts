import { describe, expect, it } from 'vitest';
import { addBlock, addLink, moveBlocks, removeItems, setParam, toggleDisabled } from './edits.js';
import { copyBlocks, pasteBlocks } from './clipboard.js';
import { connectRefusal } from './connect.js';
import { autoLayout, BLOCK_HEIGHT } from './layout.js';
import { portsOf } from './ports.js';
import { testCatalog, testDoc } from './testDoc.js';

describe('scenario edits', () => {
  it('adds a block with a readable unique id and catalog defaults, sharing untouched blocks', () => {
    const doc = testDoc();
    const { doc: next, id } = addBlock(doc, 'core.log', [10.4, 20.6]);
    expect(id).toBe('log1');
    expect(next.blocks.at(-1)).toEqual({ id: 'log1', type: 'core.log', at: [10, 21] });
    expect(next.blocks[0]).toBe(doc.blocks[0]);
    expect(addBlock(next, 'core.log', [0, 0]).id).toBe('log2');
  });

  it('removes blocks together with every link that touches them', () => {
    const next = removeItems(testDoc(), ['check']);
    expect(next.blocks.map((b) => b.id)).toEqual(['start', 'big', 'small']);
    expect(next.links).toEqual([]);
  });

  it('removes a single link by its key', () => {
    const next = removeItems(testDoc(), [], ['check:false->small']);
    expect(next.links.map((l) => l.port)).toEqual(['next', 'true']);
  });

  it('moves only blocks whose position changed and returns the same doc when nothing did', () => {
    const doc = testDoc();
    expect(moveBlocks(doc, new Map([['start', [0, 0]]]))).toBe(doc);
    const moved = moveBlocks(doc, new Map([['big', [5, 6]]]));
    expect(moved.blocks[2].at).toEqual([5, 6]);
    expect(moved.blocks[1]).toBe(doc.blocks[1]);
  });

  it('drops a parameter set to empty and the params object when nothing is left', () => {
    const next = setParam(testDoc(), 'small', 'message', '');
    expect(next.blocks[3]).toEqual({ id: 'small', type: 'core.log', at: [100, 200] });
  });

  it('disables a selection, and enables it again on the second toggle', () => {
    const once = toggleDisabled(testDoc(), ['big', 'small']);
    expect(once.blocks.filter((b) => b.disabled).map((b) => b.id)).toEqual(['big', 'small']);
    const twice = toggleDisabled(once, ['big', 'small']);
    expect(twice.blocks.some((b) => 'disabled' in b)).toBe(false);
  });
});

describe('connection rules', () => {
  const doc = testDoc();
  it('allows a link from a free port', () => {
    expect(connectRefusal({ ...doc, links: [] }, testCatalog, { from: 'check', port: 'true', to: 'big' })).toBeNull();
  });
  it('refuses a second link from the same port, links into start, self links and unknown ports', () => {
    expect(connectRefusal(doc, testCatalog, { from: 'check', port: 'true', to: 'small' })).toBe('portTaken');
    expect(connectRefusal(doc, testCatalog, { from: 'big', port: 'next', to: 'start' })).toBe('intoStart');
    expect(connectRefusal(doc, testCatalog, { from: 'big', port: 'next', to: 'big' })).toBe('self');
    expect(connectRefusal(doc, testCatalog, { from: 'big', port: 'true', to: 'small' })).toBe('noSuchPort');
  });
  it('offers the error port only when the block handles errors', () => {
    const block = doc.blocks[2];
    expect(portsOf(block, testCatalog.get('core.log'))).toEqual(['next']);
    expect(portsOf({ ...block, onError: 'handle' }, testCatalog.get('core.log'))).toEqual(['next', 'error']);
  });
  it('adds dynamic ports from a list parameter', () => {
    const meta = { ...testCatalog.get('core.log')!, ports: ['default'], dynamicPorts: { param: 'cases', prefix: 'case:' } };
    expect(portsOf({ id: 's', type: 'core.switch', at: [0, 0], params: { cases: ['a', 'b'] } }, meta)).toEqual(['default', 'case:a', 'case:b']);
  });
});

describe('clipboard', () => {
  it('copies blocks with the links between them only, and pastes them with new ids and rewired links', () => {
    const source = testDoc();
    const clip = copyBlocks(source, ['start', 'check', 'big']);
    expect(clip.blocks.map((b) => b.id)).toEqual(['check', 'big']); // start is never copied
    expect(clip.links).toEqual([{ from: 'check', port: 'true', to: 'big' }]);
    const { doc, ids } = pasteBlocks(source, clip, [40, 40]);
    expect(ids).toEqual(['if1', 'log1']);
    expect(doc.blocks.at(-1)).toMatchObject({ id: 'log1', at: [-60, 240], params: { message: { expr: '`big ${total}`' } } });
    expect(doc.links.at(-1)).toEqual({ from: 'if1', port: 'true', to: 'log1' });
  });

  it('pasted blocks do not share objects with the clipboard', () => {
    const clip = copyBlocks(testDoc(), ['big']);
    const { doc } = pasteBlocks(testDoc(), clip, [0, 0]);
    (doc.blocks.at(-1)!.params!.message as { expr: string }).expr = 'changed';
    expect(clip.blocks[0].params!.message).toEqual({ expr: '`big ${total}`' });
  });
});

describe('auto-layout', () => {
  it('puts each block below the one linking to it and keeps siblings apart', () => {
    const doc = autoLayout(addLink(testDoc(), { from: 'big', port: 'next', to: 'small' }));
    const y = Object.fromEntries(doc.blocks.map((b) => [b.id, b.at[1]]));
    expect(y.check).toBeGreaterThanOrEqual(y.start + BLOCK_HEIGHT);
    expect(y.big).toBeGreaterThanOrEqual(y.check + BLOCK_HEIGHT);
    expect(y.small).toBeGreaterThanOrEqual(y.big + BLOCK_HEIGHT);
  });
});
