// Types of build.js for the TypeScript that calls it (tests, benchmarks).
export type Entry = { name: string; source: string; format?: 'cjs' };
export const entries: Entry[];
export function build(options?: { quiet?: boolean; clean?: boolean }): Promise<void>;
export function ensureBuilt(): Promise<void>;
