import type { HostServices } from '../engine/types.js';

const NO_CONNECTION_METHODS = [
  'orchestrator.assetGet',
  'orchestrator.assetSet',
  'orchestrator.credentialGet',
  'orchestrator.taskCreate',
  'orchestrator.taskNext',
  'orchestrator.taskSetStatus',
  'orchestrator.log',
  'orchestrator.screenshot',
];

/** Orchestrator blocks in a run with no connection: a message that says how to connect. */
export function disconnectedOrchestratorServices(where: string): HostServices {
  const services: HostServices = {};
  for (const method of NO_CONNECTION_METHODS) {
    services[method] = async () => {
      throw new Error(`This run has no Orchestrator connection, so "${method}" cannot work. ${where}`);
    };
  }
  return services;
}

export const ASSISTANT_CONNECT_HINT =
  'Connect the Assistant in Settings → Orchestrator (URL and robot GUID), or run with `cairn run --orchestrator URL --guid GUID`.';
