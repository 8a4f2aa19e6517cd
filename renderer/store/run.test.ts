import { beforeEach, describe, expect, it } from 'vitest';
import { useDesigner } from './index.js';
import { OUTPUT_LIMIT } from './run.js';

const state = () => useDesigner.getState();

describe('run state', () => {
  beforeEach(() => {
    state().runStarting('/p/main.scenario.json', 'debug');
    state().runStarted('run-1');
  });

  it('follows a run: running block, log lines, pause with variables, resume, result', () => {
    state().applyRunEvents([
      { type: 'block.started', blockId: 'hello', blockType: 'core.log', scenario: 's', at: 1 },
      { type: 'log', level: 'info', message: 'Hello', blockId: 'hello', at: 2 },
      { type: 'paused', blockId: 'greet', scenario: 's', reason: 'breakpoint', variables: { name: 'World' }, stack: [] },
    ]);
    expect(state().run).toMatchObject({ status: 'paused', pausedBlock: 'greet', activeBlock: 'greet', variables: { name: 'World' } });
    expect(state().logs.map((l) => l.message)).toEqual(['Hello']);
    state().applyRunEvents([{ type: 'resumed' }, { type: 'variable', name: 'greeting', value: 'Hi', scenario: 's' }]);
    expect(state().run).toMatchObject({ status: 'running', pausedBlock: null, variables: { name: 'World', greeting: 'Hi' } });
    state().applyRunEvents([{ type: 'run.finished', result: 'failed', outputs: {}, error: { message: 'boom', blockId: 'greet' }, ms: 5 }]);
    expect(state().run).toMatchObject({ status: 'finished', activeBlock: null, result: { result: 'failed', error: { blockId: 'greet' } } });
  });

  it('keeps only the newest output lines', () => {
    const lines = Array.from({ length: OUTPUT_LIMIT + 10 }, (_, i) => ({ type: 'log' as const, level: 'info' as const, message: `line ${i}`, at: i }));
    state().applyRunEvents(lines);
    expect(state().logs).toHaveLength(OUTPUT_LIMIT);
    expect(state().logs[0].message).toBe('line 10');
  });
});
