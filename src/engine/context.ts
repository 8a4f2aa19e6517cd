import { resolve } from 'node:path';
import type { BlockContext, Disposable, LogLevel, LoopState } from '../activities/define.js';
import type { CompiledBlock } from './compile.js';
import type { Frame } from './frame.js';
import type { Run } from './run.js';

/** What a handler sees of the run. One per block per frame, so its creation is off the hot path. */
export class BlockContextImpl implements BlockContext {
  readonly blockId: string;
  readonly blockType: string;
  loop: LoopState | undefined = undefined;

  constructor(
    private readonly run: Run,
    private readonly frame: Frame,
    block: CompiledBlock,
  ) {
    this.blockId = block.id;
    this.blockType = block.type;
  }

  get projectDir(): string {
    return this.run.projectDir;
  }

  /** Up to date even inside a block that never yields: the stop flag is read on every access. */
  get signal(): AbortSignal {
    if (this.run.stopKind !== undefined) this.run.noticeStop();
    return this.run.signal;
  }

  get vars(): Frame['vars'] {
    return this.frame.vars;
  }

  get debugging(): boolean {
    return this.run.debugger !== undefined;
  }

  get host(): BlockContext['host'] {
    return this.run.host;
  }

  log(level: LogLevel, message: string): void {
    this.run.log(level, message, this.blockId, this.frame.name);
  }

  use<T extends Disposable>(resource: T): T {
    return this.run.use(resource);
  }

  trackProcess(pid: number): void {
    this.run.trackProcess(pid);
  }

  secret(value: string): void {
    this.run.redactor.add(value);
  }

  sleep(ms: number): Promise<void> {
    return this.run.sleep(ms);
  }

  resolvePath(path: string): string {
    return resolve(this.run.projectDir, path);
  }

  invokeScenario(path: string, args: Record<string, unknown>): Promise<Record<string, unknown>> {
    return this.run.invoke(this.frame, path, args);
  }
}
