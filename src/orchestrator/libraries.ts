import type { Pool } from 'undici';

/**
 * The orchestrator client's heavy library, loaded on its first call: `cairn --help`, a run without
 * an Orchestrator and the Designer's start never pay for it (the lint rule on heavy packages sends
 * every import of undici here).
 */
export async function loadUndiciPool(): Promise<typeof Pool> {
  return (await import('undici/lib/dispatcher/pool.js')).default;
}
