import { create } from 'zustand';
import type { CommandResult } from '../../src/api/contract.js';
import { bridge } from '../bridge/bridge.js';

type Asset = CommandResult<'orchestrator.assets'>[number];

/** Asset params of the Orchestrator blocks, and which kind of asset each one names. */
const ASSET_PARAMS: Record<string, { param: string; type: Asset['type'] }> = {
  'orchestrator.getAsset': { param: 'name', type: 'text' },
  'orchestrator.setAsset': { param: 'name', type: 'text' },
  'orchestrator.getCredential': { param: 'name', type: 'credentials' },
};

/**
 * The Orchestrator's variables and credentials by name, fetched once when an Orchestrator block is
 * edited (and again after the connection changes), so their names can be picked in its fields.
 * No connection, no suggestions: the fields stay plain text.
 */
export const useOrchestratorAssets = create<{ assets: Asset[] | null; loading: boolean; load(force?: boolean): void; set(assets: Asset[]): void }>()(
  (set, get) => ({
    assets: null,
    loading: false,
    load(force = false) {
      if (get().loading || (get().assets !== null && !force)) return;
      set({ loading: true });
      bridge.call('orchestrator.assets').then(
        (assets) => set({ assets, loading: false }),
        () => set({ assets: [], loading: false }),
      );
    },
    set(assets) {
      set({ assets });
    },
  }),
);

/** The names to suggest for one parameter of a block type, or undefined when it names no asset. */
export function assetSuggestions(blockType: string, param: string, assets: Asset[] | null): string[] | undefined {
  const spec = ASSET_PARAMS[blockType];
  if (!spec || spec.param !== param || !assets) return undefined;
  return assets.filter((a) => a.type === spec.type).map((a) => a.name);
}

export const namesAssets = (blockType: string): boolean => blockType in ASSET_PARAMS;
