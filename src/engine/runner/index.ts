export { startRun, createStartRun } from './startRun.js';
export { createRunnerPool, type RunnerPool, type RunnerPoolOptions } from './pool.js';
export { forkTransport, type RunnerTransport, type TransportFactory } from './transport.js';
export type { FromRunner, ToRunner } from './protocol.js';
export { startInProcessRun, type InProcessOptions } from '../inProcess.js';
