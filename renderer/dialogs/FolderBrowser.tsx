import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bridge } from '../bridge/bridge.js';
import type { CommandResult } from '../../src/api/contract.js';
import { reportError } from '../actions/notify.js';

type Listing = CommandResult<'fs.list'>;

/**
 * Browses the host's file system through `fs.list` (browser mode has no native dialogs).
 * `onPick` gets a file (when `extensions` is given) or the folder being shown.
 */
export function FolderBrowser({
  start,
  extensions,
  directoriesOnly,
  onDir,
  onPickFile,
}: {
  start?: string;
  extensions?: string[];
  directoriesOnly?: boolean;
  /** The folder shown; `initial` for the first listing (callers keep what the user typed). */
  onDir(dir: string, initial: boolean): void;
  onPickFile?(path: string): void;
}) {
  const { t } = useTranslation();
  const [listing, setListing] = useState<Listing | null>(null);
  const go = (dir?: string, initial = false) =>
    void bridge
      .call('fs.list', { ...(dir ? { dir } : {}), ...(extensions ? { extensions } : {}), ...(directoriesOnly ? { directoriesOnly } : {}) })
      .then((l) => {
        setListing(l);
        onDir(l.dir, initial);
      })
      .catch(reportError);
  // List the start folder once, when the browser opens.
  useEffect(() => go(start, true), []);
  if (!listing) return <div className="browser muted">…</div>;
  return (
    <div className="browser">
      <div className="browser-path">
        <button type="button" onClick={() => listing.parent && go(listing.parent)} disabled={!listing.parent} aria-label={t('dialogs.up')}>
          ↑
        </button>
        <code>{listing.dir}</code>
      </div>
      <ul className="browser-list" aria-label={listing.dir}>
        {listing.entries.map((entry) => (
          <li key={entry.path}>
            <button
              type="button"
              className="link"
              onClick={() => (entry.kind === 'directory' ? go(entry.path) : onPickFile?.(entry.path))}
            >
              {entry.kind === 'directory' ? '📁 ' : '📄 '}
              {entry.name}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
