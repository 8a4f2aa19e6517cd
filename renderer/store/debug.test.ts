import { beforeEach, describe, expect, it } from 'vitest';
import { useDesigner } from './index.js';
import { breakpointKind, CONSOLE_LIMIT } from './debug.js';

const state = () => useDesigner.getState();

describe('debug state', () => {
  beforeEach(() => state().loadDebugSettings({ breakpoints: {}, breakOnError: false, watches: [] }));

  it('toggles breakpoints per scenario, edits one, enables and disables all', () => {
    state().toggleBreakpoint('/a', 'x');
    state().toggleBreakpoint('/b', 'x');
    state().toggleBreakpoint('/a', 'y');
    state().toggleBreakpoint('/a', 'x');
    expect(state().breakpoints).toEqual({ '/a': [{ blockId: 'y', enabled: true }], '/b': [{ blockId: 'x', enabled: true }] });
    state().updateBreakpoint('/a', 'y', { condition: 'i > 2' });
    expect(breakpointKind(state().breakpoints['/a'][0])).toBe('conditional');
    state().updateBreakpoint('/a', 'y', { log: 'i = {i}' });
    expect(breakpointKind(state().breakpoints['/a'][0])).toBe('log');
    state().setAllBreakpoints(false);
    expect(Object.values(state().breakpoints).flat().map(breakpointKind)).toEqual(['disabled', 'disabled']);
    state().setAllBreakpoints(true);
    expect(breakpointKind(state().breakpoints['/b'][0])).toBe('plain');
    state().removeBreakpoint('/b', 'x');
    expect(state().breakpoints['/b']).toEqual([]);
  });

  it('keeps watches unique and the console bounded', () => {
    state().addWatch(' sum ');
    state().addWatch('sum');
    state().addWatch('');
    expect(state().watches).toEqual(['sum']);
    for (let i = 0; i < CONSOLE_LIMIT + 5; i++) state().addConsoleEntry({ expression: `${i}`, value: i });
    expect(state().consoleEntries).toHaveLength(CONSOLE_LIMIT);
    expect(state().consoleEntries[0].expression).toBe('5');
  });
});
