import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesigner } from '../store/index.js';
import { isDirty } from '../store/documents.js';
import { closeTab } from '../actions/files.js';

/** One tab per open scenario, with a dirty marker. */
export const Tabs = memo(function Tabs() {
  const { t } = useTranslation();
  const paths = useDesigner((s) => s.tabs);
  const docs = useDesigner((s) => s.docs);
  const tabs = paths.map((path) => ({ path, name: docs[path]?.doc.name ?? path, dirty: isDirty(docs[path]) }));
  const active = useDesigner((s) => s.active);
  const activate = useDesigner((s) => s.activate);
  return (
    <div className="tabs" role="tablist" aria-label={t('canvas.tabs')}>
      {tabs.map((tab) => (
        <div key={tab.path} className={tab.path === active ? 'tab active' : 'tab'}>
          <button type="button" role="tab" aria-selected={tab.path === active} onClick={() => activate(tab.path)} title={tab.path}>
            {tab.name}
            {tab.dirty && (
              <span className="dirty" aria-label={t('canvas.unsaved')} data-testid="dirty-marker">
                {' ●'}
              </span>
            )}
          </button>
          <button type="button" className="icon close" onClick={() => void closeTab(tab.path)} aria-label={t('canvas.close', { name: tab.name })}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
});
