import { createHash } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Emit } from '../context.js';

/** The revision of a file's content: a hash, so a rewrite with the same bytes is no change. */
export function revisionOf(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

export type ScenarioWatcher = {
  /** Watches a file; `rev` is what we last read or wrote (changes to that content are ours). */
  track(path: string, rev: string): void;
  /** Our own save: remember its revision so the change it causes is not reported. */
  noteOwnWrite(path: string, rev: string): void;
  untrack(path: string): void;
  close(): void;
};

const SETTLE_MS = 40; // editors write in bursts; report one change per burst

/**
 * Watches open scenarios and emits `file.changed` when one changes on disk by someone else. It
 * watches each file's FOLDER, not the file: an atomic save (ours or an editor's) replaces the
 * file's inode, which would end a watch on the file itself.
 */
export function createScenarioWatcher(emit: Emit): ScenarioWatcher {
  const known = new Map<string, string>(); // path → revision we know
  const folders = new Map<string, FSWatcher>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  const check = async (path: string) => {
    timers.delete(path);
    if (!known.has(path)) return;
    let text: string | undefined;
    try {
      text = await readFile(path, 'utf8');
    } catch {}
    if (!known.has(path)) return;
    const rev = text === undefined ? 'deleted' : revisionOf(text);
    if (known.get(path) === rev) return;
    known.set(path, rev);
    emit('file.changed', text === undefined ? { path, deleted: true } : { path });
  };

  const watchFolder = (folder: string) => {
    if (folders.has(folder)) return;
    const watcher = watch(folder, (_type, name) => {
      if (!name) return;
      const path = resolve(folder, name.toString());
      if (!known.has(path)) return;
      clearTimeout(timers.get(path));
      timers.set(
        path,
        setTimeout(() => void check(path), SETTLE_MS),
      );
    });
    watcher.on('error', () => {
      watcher.close();
      folders.delete(folder);
    });
    folders.set(folder, watcher);
  };

  const unwatchUnusedFolders = () => {
    const used = new Set([...known.keys()].map((p) => dirname(p)));
    for (const [folder, watcher] of folders) {
      if (used.has(folder)) continue;
      watcher.close();
      folders.delete(folder);
    }
  };

  return {
    track(path, rev) {
      const full = resolve(path);
      known.set(full, rev);
      try {
        watchFolder(dirname(full));
      } catch {
        // A folder that cannot be watched (gone, no permission): the file still opens.
      }
    },
    noteOwnWrite(path, rev) {
      const full = resolve(path);
      if (known.has(full)) known.set(full, rev);
    },
    untrack(path) {
      const full = resolve(path);
      known.delete(full);
      clearTimeout(timers.get(full));
      timers.delete(full);
      unwatchUnusedFolders();
    },
    close() {
      for (const timer of timers.values()) clearTimeout(timer);
      for (const watcher of folders.values()) watcher.close();
      folders.clear();
      known.clear();
    },
  };
}
