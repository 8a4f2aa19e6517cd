// The engine's test kit moved to ./testing/scenarios.ts; this re-export keeps the imports of
// src/activities/web/ (being edited elsewhere) working until they point there. Delete it then.
export * from './testing/scenarios.js';
