import { z } from 'zod';

/**
 * The element picker, Highlight and the recorder: the Designer's own browser for pointing at
 * elements of a site (src/picker). Spread into `commands` of contract.ts. Browser-safe: zod only.
 */

const findBySchema = z.enum(['selector', 'label', 'text', 'placeholder']);
const strategySchema = z.enum(['testId', 'role', 'label', 'placeholder', 'text', 'css']);

/** A way to find the picked element: what goes into a web block's "Element" and "Find by". */
export const proposalSchema = z.object({
  strategy: strategySchema,
  selector: z.string(),
  by: findBySchema,
  /** Elements it matches on the live page. */
  count: z.number().int().nonnegative(),
  /** Exactly one match, and it is the picked element. */
  unique: z.boolean(),
});

/** One recorded web block (src/picker/recording.ts). */
export const recordedStepSchema = z.object({
  type: z.enum(['web.goTo', 'web.click', 'web.fill', 'web.check', 'web.selectOption', 'web.uploadFile', 'web.pressKey']),
  params: z.record(z.string(), z.union([z.string(), z.boolean()])),
  /** What was typed or chosen: becomes an input variable of the scenario. */
  input: z
    .object({ param: z.enum(['value', 'option', 'files']), value: z.union([z.string(), z.array(z.string())]), variable: z.string(), secret: z.boolean() })
    .optional(),
  unique: z.boolean(),
});

/**
 * The page to open: the scenario's start page, or empty to keep the page the picker shows.
 * `runId`: the Designer's debug run; when it is paused with a browser open, Pick and Highlight
 * work in that browser's current tab instead (the page as the run left it).
 */
const urlArgs = z.object({ url: z.string().optional(), runId: z.string().optional() });

export const pickerCommands = {
  /** Opens the picker's browser (if needed) at the URL and waits for a click on an element. */
  'picker.pick': {
    args: urlArgs,
    result: z.object({ best: proposalSchema.nullable(), alternatives: z.array(proposalSchema), framePath: z.string().nullable() }),
  },
  /** Ends a pick in progress (its caller gets `not_available`). */
  'picker.cancel': { args: z.object({}), result: z.object({}) },
  /** How many elements the selector matches on the picker's page; outlines them. */
  'picker.highlight': {
    args: urlArgs.extend({ selector: z.string().min(1), by: findBySchema.default('selector') }),
    result: z.object({ count: z.number().int().nonnegative() }),
  },
  /** Starts recording what the person does in the picker's browser. */
  'picker.recordStart': { args: urlArgs, result: z.object({}) },
  /** Stops recording; the steps as web blocks, in order. */
  'picker.recordStop': { args: z.object({}), result: z.object({ steps: z.array(recordedStepSchema) }) },
  /** Closes the picker's browser. */
  'picker.close': { args: z.object({}), result: z.object({}) },
};
