import { z } from 'zod';
import { projectInfoSchema } from './schemas.js';

/**
 * The sample projects shipped with Cairn (resources/samples), for the Designer's start page.
 * Spread into `commands` of contract.ts. Browser-safe: zod only.
 */
export const sampleSchema = z.object({
  /** The sample's folder name: what `samples.open` takes. */
  name: z.string(),
  title: z.string(),
  description: z.string(),
});

export const samplesCommands = {
  'samples.list': { args: z.object({}), result: z.array(sampleSchema) },
  /**
   * Opens a sample as a project of the user's own: the first time it is copied into the data
   * folder (`<data>/samples/<name>`), later the same copy opens again with the user's edits.
   */
  'samples.open': { args: z.object({ name: z.string().min(1) }), result: projectInfoSchema },
};
