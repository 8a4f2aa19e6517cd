// Types of buildStamp.js for the TypeScript that reads the stamp (src/engine/runner/entry.ts).
export type BuildStamp = { builtAt: number; inputs: string[]; entries: Record<string, string> };
export const root: string;
export const outDir: string;
export const stampFile: string;
export function readStamp(file?: string): BuildStamp | undefined;
export function buildIsFresh(file?: string, base?: string): boolean;
