import { describe, expect, it } from 'vitest';
import { humanOutput } from './runOutput.js';

function stream(isTTY: boolean) {
  const chunks: string[] = [];
  return { isTTY, columns: 60, chunks, write: (text: string) => chunks.push(text) };
}

describe('human run output', () => {
  it('on a terminal keeps one progress line and prints log lines above it', () => {
    const out = stream(true);
    const err = stream(true);
    const output = humanOutput(out, err, { color: false });
    output.event({ type: 'run.started', runId: 'r', scenario: 'Main', name: 'Main', at: 0 });
    output.event({
      type: 'block.started',
      blockId: 'read',
      blockType: 'excel.readSheet',
      scenario: 'Main',
      at: 0,
    });
    output.event({ type: 'log', level: 'info', message: 'reading', scenario: 'Main', at: 0 });
    output.event({ type: 'log', level: 'warn', message: 'inner', scenario: 'Child', at: 0 });
    output.finish({ runId: 'r', result: 'success', outputs: { total: 3 }, ms: 1500 });
    const text = out.chunks.join('');
    expect(text).toContain('\r\x1b[2K▶ read (excel.readSheet) · ');
    expect(text).toContain('\r\x1b[2KINFO  reading\n');
    expect(text).toContain('WARN  [Child] inner\n');
    expect(text.endsWith('✔ Success in 1.5 s\n  total = 3\n')).toBe(true);
  });

  it('without a terminal prints plain lines only, and failures on stderr', () => {
    const out = stream(false);
    const err = stream(false);
    const output = humanOutput(out, err, { color: false });
    output.event({ type: 'run.started', runId: 'r', scenario: 'Main', name: 'Main', at: 0 });
    output.event({ type: 'log', level: 'error', message: 'bad', scenario: 'Main', at: 0 });
    output.finish({
      runId: 'r',
      result: 'failed',
      outputs: {},
      ms: 20,
      error: { message: 'boom', blockId: 'b1', blockType: 'core.throw' },
    });
    expect(out.chunks.join('')).toBe('Running "Main"\nERROR bad\n');
    expect(err.chunks.join('')).toBe('✖ Failed after 20 ms: boom (block "b1", core.throw)\n');
  });
});
