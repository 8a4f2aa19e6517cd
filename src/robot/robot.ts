import path from 'node:path';
import { createRunnerPool } from '../engine/runner/pool.js';
import type { StartRun } from '../engine/types.js';
import { OrchestratorClient } from '../orchestrator/client.js';
import { openAppStore, type AppStore } from '../store/appStore.js';
import type { RobotSettings } from '../store/robotSettings.js';
import { lockDataDir } from './dataLock.js';
import { createRobotAgent, type RobotAgent, type RobotAgentOptions } from './agent.js';
import { createRobotHostServices } from './hostServices.js';
import { createRobotLink } from './link.js';

/**
 * Wires a robot from its settings: the app database in the data folder, the Orchestrator
 * client, and the agent. Used by `cairn robot`, the desktop app and the tests alike.
 */

export type OpenRobotOptions = {
  dataDir: string;
  settings: RobotSettings;
  /** Default: the engine's runners with one kept warm, so a job starts without a process start. */
  startRun?: StartRun;
  /** Where client warnings go (insecure TLS); default console.warn. */
  warn?(line: string): void;
  /** Agent options beyond the settings (once, status callback, test-only intervals). */
  agent?: Omit<RobotAgentOptions, 'link' | 'store' | 'settings' | 'dataDir' | 'startRun' | 'hostServices'>;
};

export type Robot = {
  agent: RobotAgent;
  store: AppStore;
  /** Stops the agent (soft-stopping a job), ends the warm runner and closes the database. */
  close(): Promise<void>;
};

export function appDatabaseFile(dataDir: string): string {
  return path.join(dataDir, 'cairn.sqlite');
}

export function openRobot(options: OpenRobotOptions): Robot {
  const { settings } = options;
  const lock = lockDataDir(options.dataDir);
  let store: AppStore;
  try {
    store = openAppStore(appDatabaseFile(options.dataDir));
  } catch (error) {
    lock.release();
    throw error;
  }
  store.settings.save(settings);
  const base = { url: settings.orchestratorUrl, robotGuid: settings.robotGuid, insecure: settings.insecureTls, warn: options.warn };
  // The agent's own calls are retried by the agent loop and the outbox worker, with their own
  // backoff; retrying them inside the client too would send heartbeats closer than the protocol
  // allows. Blocks' calls (assets, tasks) and package downloads keep the client's retries.
  const runners = options.startRun === undefined ? createRunnerPool() : undefined;
  const control = new OrchestratorClient({ ...base, retries: 0, timeoutMs: 10_000 });
  const services = new OrchestratorClient(base);
  const agent = createRobotAgent({
    ...options.agent,
    link: createRobotLink(control, services),
    store,
    settings,
    dataDir: options.dataDir,
    startRun: options.startRun ?? runners!.startRun,
    hostServices: (journal) => createRobotHostServices(services, journal),
  });
  return {
    agent,
    store,
    async close() {
      await agent.stop();
      await runners?.dispose();
      store.close();
      lock.release();
    },
  };
}
