import type { PreloadApi } from '../../src/api/wire.js';

declare global {
  interface Window {
    /** Present only inside the Electron shell (main/preload.ts exposes it via contextBridge). */
    cairn?: PreloadApi;
  }
}
