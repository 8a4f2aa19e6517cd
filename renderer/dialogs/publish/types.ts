import type { CommandResult, EventPayload } from '../../../src/api/contract.js';

export type Process = CommandResult<'orchestrator.processes'>[number];
export type Version = CommandResult<'orchestrator.versions'>[number];
export type Published = CommandResult<'publish.start'>;
export type Preview = CommandResult<'publish.preview'>;
export type Step = EventPayload<'publish.progress'>['step'];
export type VersionChoice = 'patch' | 'minor' | 'major' | 'explicit';
export type PublishPhase = 'checking' | 'blocked' | 'ready' | 'publishing' | 'done';

/** The process-list value that stands for "create a new process". */
export const NEW_PROCESS = '__new__';

export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
