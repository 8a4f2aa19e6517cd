import path from 'node:path';
import type { AppStore } from '../store/appStore.js';
import { prepareVersion } from './cairnJob.js';
import type { DeskSession } from './deskSession.js';

/**
 * The Assistant's list of Orchestrator processes follows what the Orchestrator publishes: each
 * process's current version is downloaded (cached by version GUID) and listed, and processes no
 * longer published leave the list. Calls `changed` once per process added, updated or removed.
 */
export async function syncPublishedProcesses(s: DeskSession, store: AppStore, dataDir: string, changed: () => void): Promise<void> {
  const listed = await s.services.listProcesses();
  const keep = new Set<string>();
  for (const process of listed) {
    const versionGuid = String(process.raw.current_version_guid ?? process.raw.currentVersionGuid ?? '');
    if (!versionGuid) continue;
    const dir = await prepareVersion({
      versionGuid,
      cacheDir: path.join(dataDir, 'versions'),
      download: (guid) => s.services.downloadVersion(guid),
    });
    const id = `orchestrator:${process.guid}`;
    keep.add(id);
    const existing = store.assistant.process(id);
    if (existing?.versionGuid === versionGuid && existing.path === dir) continue;
    store.assistant.upsertProcess({
      id,
      kind: 'orchestrator',
      path: dir,
      name: process.name || process.guid,
      description: process.description,
      processGuid: process.guid,
      versionGuid,
      versionName: String(process.raw.current_version_name ?? ''),
    });
    changed();
  }
  for (const process of store.assistant.processes()) {
    if (process.kind === 'orchestrator' && !keep.has(process.id)) {
      store.assistant.removeProcess(process.id);
      changed();
    }
  }
}
