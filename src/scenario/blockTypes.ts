/**
 * What validation needs to know about block types: plain data, so `src/scenario` stays a leaf.
 * The catalog's `BlockInfo` (src/activities/define.ts) satisfies `BlockTypeInfo`. Browser-safe.
 */

export type ParamTypeInfo = { kind: string; required?: boolean; default?: unknown; language?: string };

export type BlockTypeInfo = {
  type: string;
  title: { en: string; ru: string };
  ports: string[];
  /** A param whose list value adds ports `<prefix><value>` (core.switch). */
  dynamicPorts?: { param: string; prefix: string };
  params: Record<string, ParamTypeInfo>;
  outputs?: Record<string, unknown>;
  /** A canvas note or frame, not a step: never reported as unreachable. */
  annotation?: boolean;
};

export type BlockTypeLookup = (type: string) => BlockTypeInfo | undefined;

export const START_BLOCK_TYPE = 'core.start';

/** A lookup over a list of block infos (e.g. `catalogInfo()`). */
export function lookupFrom(infos: readonly BlockTypeInfo[]): BlockTypeLookup {
  const byType = new Map(infos.map((info) => [info.type, info]));
  return (type) => byType.get(type);
}
