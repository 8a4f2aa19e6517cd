import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesigner } from '../store/index.js';
import { breakpointKind, type UiBreakpoint } from '../store/debug.js';
import { openScenario } from '../actions/files.js';
import { syncBreakOnError, syncBreakpoints } from '../actions/run.js';
import { CommitInput } from './CommitInput.js';

/** Edits a breakpoint and tells a running debug session at once. */
function update(path: string, blockId: string, patch: Partial<Omit<UiBreakpoint, 'blockId'>>): void {
  useDesigner.getState().updateBreakpoint(path, blockId, patch);
  syncBreakpoints();
}

function Row({ path, bp }: { path: string; bp: UiBreakpoint }) {
  const { t } = useTranslation();
  const scenario = useDesigner((s) => s.project?.scenarios.find((e) => e.path === path)?.name ?? s.docs[path]?.doc.name ?? path);
  const title = useDesigner((s) => s.docs[path]?.doc.blocks.find((b) => b.id === bp.blockId)?.title);
  const kind = breakpointKind(bp);
  const go = async () => {
    await openScenario(path);
    if (useDesigner.getState().active === path) useDesigner.getState().revealBlock(bp.blockId);
  };
  const id = bp.blockId;
  return (
    <li className={`bp-row ${kind}`} data-testid={`breakpoint-${id}`}>
      <input type="checkbox" checked={bp.enabled} onChange={(e) => update(path, id, { enabled: e.target.checked })} aria-label={t('breakpoints.enabledOf', { block: id })} />
      <span className={`breakpoint bp-${kind}`} role="img" aria-label={t(`breakpoints.kind.${kind}`)} />
      <button type="button" className="link bp-where" onClick={() => void go()} title={t('breakpoints.goTo')}>
        {scenario} — {title ? `${title} ` : ''}
        <code>{id}</code>
      </button>
      <CommitInput
        className="bp-condition"
        value={bp.condition ?? ''}
        label={t('breakpoints.conditionOf', { block: id })}
        placeholder={t('breakpoints.condition')}
        onCommit={(v) => update(path, id, { condition: v.trim() || undefined })}
      />
      <CommitInput
        className="bp-hits"
        inputMode="numeric"
        value={bp.hitCount === undefined ? '' : String(bp.hitCount)}
        label={t('breakpoints.hitCountOf', { block: id })}
        placeholder={t('breakpoints.hitCount')}
        valid={(v) => v.trim() === '' || /^[1-9]\d*$/.test(v.trim())}
        onCommit={(v) => update(path, id, { hitCount: v.trim() === '' ? undefined : Number(v) })}
      />
      <CommitInput
        className="bp-log"
        value={bp.log ?? ''}
        label={t('breakpoints.logOf', { block: id })}
        placeholder={t('breakpoints.log')}
        onCommit={(v) => update(path, id, { log: v || undefined })}
      />
      <button
        type="button"
        className="icon"
        onClick={() => {
          useDesigner.getState().removeBreakpoint(path, id);
          syncBreakpoints();
        }}
        aria-label={t('breakpoints.remove', { block: id })}
        title={t('breakpoints.remove', { block: id })}
      >
        ×
      </button>
    </li>
  );
}

/** Every breakpoint of the workspace, in all scenarios: edit, enable/disable one or all, go to its block; break on error. */
export const Breakpoints = memo(function Breakpoints() {
  const { t } = useTranslation();
  const breakpoints = useDesigner((s) => s.breakpoints);
  const breakOnError = useDesigner((s) => s.breakOnError);
  const rows = Object.entries(breakpoints).flatMap(([path, list]) => list.map((bp) => ({ path, bp })));
  const all = (enabled: boolean) => {
    useDesigner.getState().setAllBreakpoints(enabled);
    syncBreakpoints();
  };
  return (
    <div className="breakpoints">
      <div className="panel-tools">
        <label className="check">
          <input
            type="checkbox"
            checked={breakOnError}
            onChange={(e) => {
              useDesigner.getState().setBreakOnError(e.target.checked);
              syncBreakOnError();
            }}
          />
          {t('breakpoints.breakOnError')}
        </label>
        <span className="grow" />
        <button type="button" onClick={() => all(true)} disabled={rows.length === 0}>
          {t('breakpoints.enableAll')}
        </button>
        <button type="button" onClick={() => all(false)} disabled={rows.length === 0}>
          {t('breakpoints.disableAll')}
        </button>
        <button
          type="button"
          onClick={() => {
            useDesigner.getState().clearBreakpoints();
            syncBreakpoints();
          }}
          disabled={rows.length === 0}
        >
          {t('breakpoints.removeAll')}
        </button>
      </div>
      {rows.length === 0 ? (
        <p className="muted">{t('breakpoints.none')}</p>
      ) : (
        <ul className="bp-list" aria-label={t('debugPanels.breakpoints')}>
          {rows.map(({ path, bp }) => (
            <Row key={`${path}\n${bp.blockId}`} path={path} bp={bp} />
          ))}
        </ul>
      )}
      <p className="muted hint">{t('breakpoints.hint')}</p>
    </div>
  );
});
