import type { Block, Link, Scenario } from '../../src/scenario/schema.js';

/**
 * The slice of the catalog's block metadata the Designer needs. It is structural on purpose: the
 * contract's `catalog.list` result (BlockInfo) is assignable to it, and the pure model functions
 * stay testable without the transport.
 */
export type Localized = { en: string; ru: string };

export type ParamMeta = {
  kind: string;
  title: Localized;
  help?: Localized;
  required?: boolean;
  default?: unknown;
  choices?: { value: string; title: Localized }[];
  language?: string;
  filters?: string[];
  save?: boolean;
  placeholder?: string;
  key?: boolean;
  advanced?: boolean;
};

export type BlockMeta = {
  type: string;
  category: string;
  title: Localized;
  help: Localized;
  params: Record<string, ParamMeta>;
  ports: string[];
  dynamicPorts?: { param: string; prefix: string };
  outputs?: Record<string, { type: string; title: Localized }>;
  loop?: boolean;
  annotation?: boolean;
};

export type Catalog = ReadonlyMap<string, BlockMeta>;

export type Lang = 'en' | 'ru';

export type { Block, Link, Scenario };

export const START_TYPE = 'core.start';
/** Canvas annotations the Designer draws as frames (behind the blocks) and notes. */
export const GROUP_TYPE = 'core.group';
export const COMMENT_TYPE = 'core.comment';
