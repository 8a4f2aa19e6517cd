import { blockInfo, type AnyBlockDefinition, type BlockInfo } from './define.js';
import { coreBlocks } from './core/index.js';
import { dataBlocks } from './data/index.js';
import { textBlocks } from './text/index.js';
import { tablesBlocks } from './tables/index.js';
import { filesBlocks } from './files/index.js';
import { csvBlocks } from './csv/index.js';
import { excelBlocks } from './excel/index.js';
import { httpBlocks } from './http/index.js';
import { webBlocks } from './web/index.js';
import { dialogsBlocks } from './dialogs/index.js';
import { orchestratorBlocks } from './orchestrator/index.js';
import { pythonBlocks } from './python/index.js';
import { emailBlocks } from './email/index.js';
import { systemBlocks } from './system/index.js';

/** Every block Cairn knows, in palette order. One folder per category registers its own. */
export const allBlocks: readonly AnyBlockDefinition[] = [
  ...coreBlocks,
  ...dataBlocks,
  ...textBlocks,
  ...tablesBlocks,
  ...filesBlocks,
  ...csvBlocks,
  ...excelBlocks,
  ...httpBlocks,
  ...webBlocks,
  ...dialogsBlocks,
  ...orchestratorBlocks,
  ...pythonBlocks,
  ...emailBlocks,
  ...systemBlocks,
];

let byType: Map<string, AnyBlockDefinition> | undefined;

export function findBlock(type: string): AnyBlockDefinition | undefined {
  byType ??= new Map(allBlocks.map((b) => [b.type, b]));
  return byType.get(type);
}

/** JSON-safe metadata for the UI, validation and docs. */
export function catalogInfo(): BlockInfo[] {
  return allBlocks.map(blockInfo);
}
