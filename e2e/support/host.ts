import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost, type RunningHost } from '../../src/host/host.js';

export type TestHost = RunningHost & { dataDir: string; workDir: string; dispose(): Promise<void> };

/** The real loopback host on a fresh data folder, plus a scratch folder for projects. */
export async function startTestHost(options: { projectDir?: string } = {}): Promise<TestHost> {
  const root = await mkdtemp(join(tmpdir(), 'cairn-e2e-'));
  const dataDir = join(root, 'data');
  const workDir = join(root, 'work');
  const host = await startHost({ dataDir, ...(options.projectDir ? { projectDir: options.projectDir } : {}) });
  return {
    ...host,
    dataDir,
    workDir,
    async dispose() {
      await host.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}
