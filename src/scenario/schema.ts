import { z } from 'zod';

/**
 * The scenario document model, defined once. TypeScript types are inferred from these schemas,
 * so the file format, the engine, the API contract and the renderer can never drift apart.
 * Browser-safe: no Node imports here.
 */

export const SCENARIO_FORMAT = 'cairn.scenario/1';
export const SCENARIO_FORMAT_VERSION = 1;
export const PROJECT_FORMAT = 'cairn.project/1';

export const variableTypes = [
  'text',
  'number',
  'boolean',
  'datetime',
  'list',
  'dictionary',
  'table',
  'secret',
  'any',
] as const;
export const variableTypeSchema = z.enum(variableTypes);
export type VariableType = z.infer<typeof variableTypeSchema>;

/** `in`: argument given by the caller; `out`: returned to the caller; `inout`: both; absent: local. */
export const variableDirectionSchema = z.enum(['in', 'out', 'inout']);
export type VariableDirection = z.infer<typeof variableDirectionSchema>;

export const variableSchema = z.object({
  name: z.string().regex(/^[A-Za-z_$\u0400-\u04FF][\w$\u0400-\u04FF]*$/, 'must be a valid identifier'),
  type: variableTypeSchema.default('any'),
  direction: variableDirectionSchema.optional(),
  default: z.unknown().optional(),
  sensitive: z.boolean().optional(),
  description: z.string().optional(),
});
export type Variable = z.infer<typeof variableSchema>;

/** A parameter value is a literal (any JSON) or an expression over the scenario's variables. */
export const expressionSchema = z.object({ expr: z.string() }).strict();
export type Expression = z.infer<typeof expressionSchema>;
export const paramValueSchema = z.union([expressionSchema, z.unknown()]);
export type ParamValue = unknown;

export function isExpression(value: unknown): value is Expression {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { expr?: unknown }).expr === 'string' &&
    Object.keys(value).length === 1
  );
}

/**
 * Error policy per block, as users of the vendor's Designer know it:
 * default — the error fails the run, naming the block; ignore — log it and go on to `next`;
 * handle — take the `error` port with the error in `errorVariable`.
 */
export const errorPolicySchema = z.enum(['default', 'ignore', 'handle']);
export type ErrorPolicy = z.infer<typeof errorPolicySchema>;

export const retrySchema = z.object({
  times: z.number().int().min(0).max(1000),
  delayMs: z.number().int().min(0).max(3_600_000).default(0),
});
export type Retry = z.infer<typeof retrySchema>;

export const blockSchema = z.object({
  id: z.string().min(1).regex(/^[\w.:-]+$/, 'letters, digits, _ . : - only'),
  type: z.string().min(1),
  at: z.tuple([z.number(), z.number()]).default([0, 0]),
  /** A user-given name shown on the canvas instead of the catalog title. */
  title: z.string().optional(),
  params: z.record(z.string(), paramValueSchema).optional(),
  /** Block output name → scenario variable that receives it. */
  outputs: z.record(z.string(), z.string()).optional(),
  onError: errorPolicySchema.optional(),
  /** With onError=handle: the variable that receives `{ message, blockId, type }`. */
  errorVariable: z.string().optional(),
  retry: retrySchema.optional(),
  disabled: z.boolean().optional(),
  /** Free text shown as a note on the block. */
  comment: z.string().optional(),
});
export type Block = z.infer<typeof blockSchema>;

export const linkSchema = z.object({
  from: z.string(),
  port: z.string().default('next'),
  to: z.string(),
});
export type Link = z.infer<typeof linkSchema>;

export const scenarioSchema = z.object({
  format: z.literal(SCENARIO_FORMAT),
  id: z.string().min(1),
  name: z.string().min(1),
  description: z.string().optional(),
  variables: z.array(variableSchema).default([]),
  blocks: z.array(blockSchema).default([]),
  links: z.array(linkSchema).default([]),
});
export type Scenario = z.infer<typeof scenarioSchema>;

export const projectSchema = z.object({
  format: z.literal(PROJECT_FORMAT).default(PROJECT_FORMAT),
  name: z.string().min(1),
  version: z.string().regex(/^\d+\.\d+\.\d+(?:[-+][\w.-]+)?$/, 'must be semver, e.g. 1.0.0'),
  main: z.string().min(1).default('main.scenario.json'),
  description: z.string().optional(),
  dependencies: z.record(z.string(), z.string()).default({}),
});
export type Project = z.infer<typeof projectSchema>;

export const PROJECT_FILE = 'cairn.project.json';
export const SCENARIO_SUFFIX = '.scenario.json';

/** Ports every block has, whatever its definition says. */
export const NEXT_PORT = 'next';
export const ERROR_PORT = 'error';
