import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('./renderer', import.meta.url));

// The renderer is a static bundle: the loopback host and Electron both load it from
// dist/renderer with relative URLs, so `base` is './'. Monaco is bundled (no CDN): the CSP forbids
// remote scripts and the app must work offline.
export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 8_000,
    sourcemap: false,
    // The timing report is noise on a busy CI machine; the build time is visible anyway.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  worker: { format: 'es' },
});
