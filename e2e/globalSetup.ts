import { ensureRendererBuilt } from './support/build.js';

/**
 * Global setup of `npm run test:e2e`: builds the renderer once, before any browser starts, when
 * dist/renderer is missing or older than its sources. (Under the plain `npm test` each e2e file
 * calls the same function in beforeAll; the build is serialized by a lock.)
 */
export default async function setup(): Promise<void> {
  await ensureRendererBuilt();
}
