import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { expect } from 'vitest';
import { REDACTED } from '../../scenario/values.js';
import { checkBlockParams } from '../../engine/testing/blockParams.js';
import { BlockError, type AnyBlockDefinition, type BlockContext, type BlockResult, type Disposable, type LogLevel, type ParamSpecs } from '../define.js';
import { HostError } from '../hostMethods.js';

/**
 * The block test harness: a real BlockContext for handler tests — a real temp project folder, a
 * real AbortController, a variables Map, captured (redacted) logs, tracked pids, and disposal of
 * everything a block registered, as the engine does when a run ends. A host method the test did
 * not provide fails as the engine's does (HostError NOT_AVAILABLE). `run` checks the params with
 * the engine's own check first, so a missing or mistyped param fails here as it does in a run
 * (the engine's message, no block code) and handlers need not check again what it guarantees.
 * (It started life in web/testing/harness.ts; this is its shared home — that copy is no longer imported.)
 */
export type Harness = {
  ctx: BlockContext;
  projectDir: string;
  logs: { level: LogLevel; message: string }[];
  vars: Map<string, unknown>;
  processes: number[];
  controller: AbortController;
  /**
   * Runs a block the way the engine does: params already evaluated, then the engine's check
   * (defaults, required, kinds, choices; a failure names block "test-block" in scenario "Test").
   */
  run(block: AnyBlockDefinition, params: Record<string, unknown>): Promise<BlockResult>;
  /** Disposes resources (last registered first) and removes the temp folder. */
  close(): Promise<void>;
};

export async function createHarness(): Promise<Harness> {
  const projectDir = await mkdtemp(join(tmpdir(), 'cairn-blocks-'));
  const logs: Harness['logs'] = [];
  const vars = new Map<string, unknown>();
  const processes: number[] = [];
  const secrets: string[] = [];
  const resources: Disposable[] = [];
  const controller = new AbortController();
  const redact = (text: string) => secrets.reduce((out, s) => out.split(s).join(REDACTED), text);

  const ctx: BlockContext = {
    blockId: 'test-block',
    blockType: 'test',
    projectDir,
    signal: controller.signal,
    vars: {
      get: (name) => vars.get(name),
      set: (name, value) => void vars.set(name, value),
      has: (name) => vars.has(name),
      names: () => [...vars.keys()],
    },
    log: (level, message) => void logs.push({ level, message: redact(message) }),
    use: (resource) => {
      resources.push(resource);
      return resource;
    },
    trackProcess: (pid) => void processes.push(pid),
    secret: (value) => {
      if (value) secrets.push(value);
    },
    sleep: (ms) =>
      new Promise<void>((done, fail) => {
        if (controller.signal.aborted) return fail(controller.signal.reason);
        const onAbort = () => {
          clearTimeout(timer);
          fail(controller.signal.reason);
        };
        const timer = setTimeout(() => {
          controller.signal.removeEventListener('abort', onAbort);
          done();
        }, ms);
        controller.signal.addEventListener('abort', onAbort, { once: true });
      }),
    resolvePath: (path) => (isAbsolute(path) ? path : resolve(projectDir, path)),
    host: {
      request: async (method) => {
        throw new HostError(`Host service "${method}" is not available in this test run`, 'NOT_AVAILABLE');
      },
    },
  };

  return {
    ctx,
    projectDir,
    logs,
    vars,
    processes,
    controller,
    async run(block, params) {
      const checked = checkBlockParams(block.params as ParamSpecs, params, { id: ctx.blockId, type: block.type, scenario: 'Test' });
      return block.run({ ...ctx, blockType: block.type }, checked);
    },
    async close() {
      for (const resource of resources.reverse()) await resource.dispose();
      resources.length = 0;
      await rm(projectDir, { recursive: true, force: true });
    },
  };
}

/**
 * Asserts that a block call fails with a `BlockError` whose message matches `message` (the cause a
 * user reads) and, when given, carries `code`. Returns the error for further checks.
 */
export async function expectBlockError(
  call: Promise<unknown>,
  message: RegExp,
  code?: string,
): Promise<BlockError> {
  let caught: unknown;
  try {
    await call;
  } catch (error) {
    caught = error;
  }
  expect(caught, 'the block should have failed').toBeInstanceOf(BlockError);
  const error = caught as BlockError;
  expect(error.message).toMatch(message);
  if (code !== undefined) expect(error.code).toBe(code);
  return error;
}

/**
 * Asserts that a block call fails the engine's parameter check for `param` (what a run reports
 * for a missing, mistyped or unlisted value: the block, the scenario and the parameter named, no
 * block error code), with `problem` matching the rest, e.g. /is required/ or /expects list, got text/.
 */
export async function expectParamError(call: Promise<unknown>, param: string, problem: RegExp): Promise<void> {
  let caught: unknown;
  try {
    await call;
  } catch (error) {
    caught = error;
  }
  expect(caught, 'the parameter check should have failed').toBeInstanceOf(TypeError);
  const error = caught as TypeError & { code?: unknown };
  expect(error.message).toMatch(new RegExp(`^Block "test-block" \\([\\w.]+\\) in scenario "Test", parameter "${param}" `));
  expect(error.message.replace(/^.*?, parameter "[^"]+" /, '')).toMatch(problem);
  expect(error.code).toBeUndefined();
}
