import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHost, type RunningHost } from '../../src/host/host.js';

export type TestHost = RunningHost & { dataDir: string; workDir: string; projectDir: string | undefined; dispose(): Promise<void> };

const samples = fileURLToPath(new URL('../../resources/samples', import.meta.url));

/**
 * The real loopback host on a fresh data folder, plus a scratch folder for projects. With
 * `sample`, that sample project is copied there first and the host opens it at start, as
 * `cairn designer <dir>` does.
 */
export async function startTestHost(options: { sample?: string } = {}): Promise<TestHost> {
  const root = await mkdtemp(join(tmpdir(), 'cairn-e2e-'));
  const dataDir = join(root, 'data');
  const workDir = join(root, 'work');
  let projectDir: string | undefined;
  if (options.sample) {
    projectDir = join(workDir, options.sample);
    await cp(join(samples, options.sample), projectDir, { recursive: true });
  }
  const host = await startHost({ dataDir, ...(projectDir ? { projectDir } : {}) });
  return {
    ...host,
    dataDir,
    workDir,
    projectDir,
    async dispose() {
      await host.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}
