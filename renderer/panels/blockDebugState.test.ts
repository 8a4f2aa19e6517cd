import { describe, expect, it } from 'vitest';
import { useDesigner } from '../store/index.js';
import { breakpointOf, failureOf } from './blockDebugState.js';
import type { Scenario } from '../../src/scenario/schema.js';

const doc = { format: 'cairn.scenario/1', id: 'm', name: 'Main', variables: [], blocks: [{ id: 'start', type: 'core.start' }, { id: 'boom', type: 'core.throw' }], links: [] } as unknown as Scenario;

describe('block debug marks', () => {
  it('names the breakpoint kind and the failure message of a block of the active scenario', () => {
    const s = useDesigner.getState();
    s.openDocument('/p/main.scenario.json', doc, 'r1');
    s.loadDebugSettings({ breakpoints: { '/p/main.scenario.json': [{ blockId: 'boom', enabled: true, condition: 'x' }] }, breakOnError: false, watches: [] });
    expect(breakpointOf(useDesigner.getState(), 'boom')).toBe('conditional');
    expect(breakpointOf(useDesigner.getState(), 'start')).toBeUndefined();

    s.runStarting('/p/main.scenario.json', 'run');
    s.runStarted('r');
    const failed = (scenario: string) =>
      useDesigner.getState().applyRunEvents([
        { type: 'run.finished', result: 'failed', outputs: {}, ms: 1, error: { message: `Block "boom" (core.throw) in scenario "${scenario}" failed: No invoices`, blockId: 'boom', scenario } },
      ]);
    failed('Main');
    expect(failureOf(useDesigner.getState(), 'boom')).toBe('No invoices');
    expect(failureOf(useDesigner.getState(), 'start')).toBeUndefined();
    // The same id in another scenario is not this block.
    failed('Other');
    expect(failureOf(useDesigner.getState(), 'boom')).toBeUndefined();
  });
});
