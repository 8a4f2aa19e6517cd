import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bridge, type ConnectionState } from '../bridge/bridge.js';
import { useDesigner } from '../store/index.js';

/** Connection state and the latest notice (saved, errors from the host). */
export function StatusBar() {
  const { t } = useTranslation();
  const notice = useDesigner((s) => s.notice);
  const project = useDesigner((s) => s.project);
  const [connection, setConnection] = useState<ConnectionState | null>(null);
  useEffect(() => bridge.onConnection(setConnection), []);
  return (
    <footer className="statusbar">
      <span className={`conn conn-${connection ?? 'unknown'}`}>{connection ? t(`connection.${connection}`) : ''}</span>
      {project && <span className="muted">{project.dir}</span>}
      <span className="grow" />
      {notice && (
        <span className={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} key={notice.nonce}>
          {notice.text}
        </span>
      )}
    </footer>
  );
}
