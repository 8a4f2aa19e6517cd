// The browser-mode entry of `npm start` (scripts/start.js), built to dist/core/host.js.
export { startHost } from './host.js';
export { openBrowser } from './openBrowser.js';
export { defaultDataDir } from '../api/dataDir.js';
