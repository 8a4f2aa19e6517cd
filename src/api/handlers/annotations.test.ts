import { describe, expect, it } from 'vitest';
import { chain, makeScenario, runScenario } from '../../engine/testing/scenarios.js';
import { validateDocument } from './validation.js';
import { catalogInfo } from '../../activities/catalog.js';

describe('comments and groups: canvas annotations, not steps', () => {
  it('are marked as annotations in the catalog; a group has no ports', () => {
    const info = new Map(catalogInfo().map((b) => [b.type, b]));
    expect(info.get('core.comment')?.annotation).toBe(true);
    expect(info.get('core.group')).toMatchObject({ annotation: true, ports: [] });
  });

  it('are not reported as unreachable, and never run (no block event, nothing logged)', async () => {
    const doc = makeScenario({
      blocks: [
        { id: 'start', type: 'core.start' },
        { id: 'say', type: 'core.log', params: { message: 'hi' } },
        { id: 'note', type: 'core.comment', params: { text: 'why this flow exists' } },
        { id: 'frame', type: 'core.group', title: 'Reading', params: { width: 600, height: 300 } },
        { id: 'orphan', type: 'core.log', params: { message: 'never' } },
      ],
      links: chain('start', 'say'),
    });
    const unreachable = validateDocument(doc).filter((p) => p.code === 'block.unreachable').map((p) => p.blockId);
    expect(unreachable).toEqual(['orphan']);
    const { summary, events } = await runScenario(doc, { trace: true });
    expect(summary.result).toBe('success');
    const ran = events.flatMap((e) => (e.type === 'block.started' ? [e.blockId] : []));
    expect(ran).toEqual(['start', 'say']);
  });

  it('still load and run in an older file that linked a comment into the flow (it passes through)', async () => {
    const doc = makeScenario({
      blocks: [
        { id: 'start', type: 'core.start' },
        { id: 'note', type: 'core.comment', params: { text: 'old style' } },
        { id: 'say', type: 'core.log', params: { message: 'after the note' } },
      ],
      links: chain('start', 'note', 'say'),
    });
    expect(validateDocument(doc).filter((p) => p.severity === 'error')).toEqual([]);
    const { summary, logs } = await runScenario(doc);
    expect(summary.result).toBe('success');
    expect(logs).toEqual(['info: after the note']);
  });
});
