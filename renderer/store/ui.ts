import type { StateCreator } from 'zustand';
import type { DesignerState } from './index.js';

export type BottomTab = 'output' | 'variables' | 'problems' | 'callStack' | 'breakpoints' | 'watch' | 'console';

/** A message shown in the status bar: errors from the host, save results. */
export type Notice = { kind: 'info' | 'error'; text: string; nonce: number };

/** The Designer's own modal dialogs opened from the toolbar or the app menu. */
export type AppDialog = 'publish' | 'orchestrator';

export type UiSlice = {
  theme: 'light' | 'dark';
  appDialog: AppDialog | null;
  setAppDialog(dialog: AppDialog | null): void;
  bottomTab: BottomTab;
  notice: Notice | null;
  setTheme(theme: 'light' | 'dark'): void;
  setBottomTab(tab: BottomTab): void;
  notify(kind: Notice['kind'], text: string): void;
};

export const createUiSlice: StateCreator<DesignerState, [], [], UiSlice> = (set, get) => ({
  theme: 'light',
  appDialog: null,
  setAppDialog(appDialog) {
    set({ appDialog });
  },
  bottomTab: 'output',
  notice: null,
  setTheme(theme) {
    set({ theme });
  },
  setBottomTab(bottomTab) {
    set({ bottomTab });
  },
  notify(kind, text) {
    set({ notice: { kind, text, nonce: (get().notice?.nonce ?? 0) + 1 } });
  },
});
