import type { StateCreator } from 'zustand';
import type { CommandResult } from '../../src/api/contract.js';
import type { BlockMeta, Catalog } from '../model/types.js';
import type { DesignerState } from './index.js';

export type ProjectInfo = CommandResult<'project.open'>;
export type Problem = CommandResult<'scenario.validate'>['problems'][number];

export type ProjectSlice = {
  project: ProjectInfo | null;
  catalogList: BlockMeta[];
  catalog: Catalog;
  /** Validation findings per scenario path, refreshed after each edit. */
  problems: Record<string, Problem[]>;
  /** Worst severity per block per scenario path, for the markers on the canvas. */
  problemBlocks: Record<string, Record<string, Problem['severity']>>;
  setProject(project: ProjectInfo | null): void;
  setCatalog(list: BlockMeta[]): void;
  setProblems(path: string, problems: Problem[]): void;
};

export const createProjectSlice: StateCreator<DesignerState, [], [], ProjectSlice> = (set, get) => ({
  project: null,
  catalogList: [],
  catalog: new Map(),
  problems: {},
  problemBlocks: {},
  setProject(project) {
    set({ project });
  },
  setCatalog(list) {
    set({ catalogList: list, catalog: new Map(list.map((b) => [b.type, b])) });
  },
  setProblems(path, problems) {
    const worst: Record<string, Problem['severity']> = {};
    for (const p of problems) if (p.blockId && worst[p.blockId] !== 'error') worst[p.blockId] = p.severity;
    set({ problems: { ...get().problems, [path]: problems }, problemBlocks: { ...get().problemBlocks, [path]: worst } });
  },
});
