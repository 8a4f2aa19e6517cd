import { describe, expect, expectTypeOf, it } from 'vitest';
import { catalogInfo } from '../activities/catalog.js';
import type { BlockInfo } from '../activities/define.js';
import type { DebugCommand, RunEvent } from '../engine/types.js';
import type { DialogField } from '../engine/services.js';
import { commands, events, isCommandName, type CommandArgs, type CommandResult } from './contract.js';
import {
  blockInfoSchema,
  dialogFieldSchema,
  debugCommandSchema,
  runEventSchema,
  settingsSchema,
  type BlockInfoDto,
  type RunEventDto,
} from './schemas.js';
import type { z } from 'zod';

describe('the API contract', () => {
  it('lets settings.set change every settings field (a field missing from the patch could never be saved)', () => {
    const patch = commands['settings.set'].args;
    expect(Object.keys(patch.shape).sort()).toEqual(Object.keys(settingsSchema.shape).sort());
    // A patch of one field leaves the others out (no defaults filled in that would overwrite them).
    expect(patch.parse({ language: 'ru' })).toEqual({ language: 'ru' });
  });

  it('mirrors the core types exactly, so the renderer and the core cannot drift (checked by tsc)', () => {
    expectTypeOf<RunEvent>().toExtend<RunEventDto>();
    expectTypeOf<RunEventDto>().toExtend<RunEvent>();
    expectTypeOf<DebugCommand>().toExtend<z.infer<typeof debugCommandSchema>>();
    expectTypeOf<z.infer<typeof debugCommandSchema>>().toExtend<DebugCommand>();
    expectTypeOf<BlockInfo>().toExtend<BlockInfoDto>();
    expectTypeOf<DialogField>().toExtend<z.infer<typeof dialogFieldSchema>>();
    expectTypeOf<CommandArgs<'run.start'>>().toExtend<{ path: string; mode?: 'run' | 'debug' }>();
    expectTypeOf<CommandResult<'scenario.save'>>().toEqualTypeOf<{ rev: string }>();
  });

  it('describes every block of the catalog', () => {
    for (const info of catalogInfo()) expect(blockInfoSchema.parse(info)).toEqual(info);
  });

  it('accepts every run event shape the engine emits', () => {
    const samples: RunEvent[] = [
      { type: 'run.started', runId: 'r', scenario: 's', name: 'n', at: 1 },
      { type: 'log', level: 'info', message: 'hi', at: 2 },
      { type: 'paused', blockId: 'b', scenario: 's', reason: 'breakpoint', variables: { x: 1 }, stack: [] },
      {
        type: 'run.finished',
        result: 'failed',
        outputs: {},
        error: { message: 'boom', blockId: 'b' },
        ms: 3,
      },
    ];
    for (const event of samples) expect(runEventSchema.parse(event)).toEqual(event);
  });

  it('applies the defaults callers may omit and refuses wrong arguments', () => {
    expect(commands['run.start'].args.parse({ path: '/p/main.scenario.json' })).toEqual({
      path: '/p/main.scenario.json',
      mode: 'run',
      breakpoints: [],
    });
    expect(commands['scenario.save'].args.safeParse({ path: '/x', doc: { format: 'nope' } }).success).toBe(
      false,
    );
    expect(
      events['dialog.request'].safeParse({ requestId: '1', runId: 'r', method: 'dialog.confirm', params: {} })
        .success,
    ).toBe(false);
  });

  it('knows its command names', () => {
    expect(isCommandName('scenario.read')).toBe(true);
    expect(isCommandName('constructor')).toBe(false);
    expect(isCommandName('fs.delete')).toBe(false);
  });
});
