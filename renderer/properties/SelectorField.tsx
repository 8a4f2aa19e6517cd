import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesigner } from '../store/index.js';
import type { Proposal } from './selectorTools.js';
import { useSelectorTools, type SelectorStatus } from './useSelectorTools.js';

type Tools = ReturnType<typeof useSelectorTools>;

/** Pick (Cancel while picking), Highlight, Record (Stop while recording); only Record under an address. */
function SelectorButtons({ tools, recordOnly }: { tools: Tools; recordOnly: boolean }) {
  const { t } = useTranslation();
  const { status } = tools;
  const busy = status.kind === 'picking' || status.kind === 'recording';
  return (
    <div className="selector-buttons">
      {recordOnly ? null : status.kind === 'picking' ? (
        <button type="button" onClick={() => void tools.cancel()}>
          {t('picker.cancel')}
        </button>
      ) : (
        <button type="button" onClick={() => void tools.pick()} disabled={busy} title={t('picker.pickHelp')}>
          {t('picker.pick')}
        </button>
      )}
      {!recordOnly && (
        <button type="button" onClick={() => void tools.highlight()} disabled={busy} title={t('picker.highlightHelp')}>
          {t('picker.highlight')}
        </button>
      )}
      {status.kind === 'recording' ? (
        <button type="button" className="recording" onClick={() => void tools.stop()}>
          {t('picker.stop')}
        </button>
      ) : (
        <button type="button" onClick={() => void tools.record()} disabled={busy} title={t('picker.recordHelp')}>
          {t('picker.record')}
        </button>
      )}
    </div>
  );
}

/** What the last action found: picking…, N matches (bad unless exactly one), N steps recorded, or the error. */
function SelectorStatusLine({ status }: { status: Exclude<SelectorStatus, { kind: 'idle' }> }) {
  const { t } = useTranslation();
  const paused = useDesigner((s) => s.run.status === 'paused');
  const bad = status.kind === 'error' || (status.kind === 'matches' && status.count !== 1);
  return (
    <p role="status" data-testid="selector-status" className={bad ? 'selector-status bad' : 'selector-status'}>
      {status.kind === 'picking' && t(paused ? 'picker.pickingPaused' : 'picker.picking')}
      {status.kind === 'recording' && t('picker.recording')}
      {status.kind === 'matches' && t('picker.matches', { count: status.count })}
      {status.kind === 'recorded' && t('picker.recorded', { count: status.count })}
      {status.kind === 'error' && status.text}
    </p>
  );
}

/** The other selectors Pick found for the element; the ambiguous ones cannot be chosen. */
function SelectorAlternatives({ alternatives, onUse }: { alternatives: Proposal[]; onUse(proposal: Proposal): void }) {
  const { t } = useTranslation();
  return (
    <ul className="selector-alternatives" aria-label={t('picker.alternatives')}>
      {alternatives.map((p) => (
        <li key={`${p.by}:${p.selector}`} data-testid="picker-alternative">
          <button type="button" disabled={!p.unique} onClick={() => onUse(p)} title={p.unique ? t('picker.use') : t('picker.notUniqueOne')}>
            <span className="strategy">{t(`picker.strategy.${p.strategy}`)}</span> <code>{p.selector}</code> <span className="count">{t('picker.matches', { count: p.count })}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/**
 * Pick / Highlight / Record under a web block's "Element" field. They drive the Designer's own
 * picker browser (src/picker) through the contract: Pick writes the chosen selector and its
 * "Find by" into the block (one undo step), Highlight says how many elements the selector
 * matches on the live page, Record inserts the recorded steps after this block (one undo step).
 * Under the address of "Open browser" / "Go to URL" only Record is offered (recording usually
 * starts right after the page is opened). While a debug run is paused, Pick and Highlight work in
 * the run's own browser (the page as the run left it) when it has one open.
 */
export const SelectorField = memo(function SelectorField({ blockId, recordOnly = false }: { blockId: string; recordOnly?: boolean }) {
  const isWeb = useDesigner((s) => !!(s.active ? s.docs[s.active]?.doc.blocks.find((b) => b.id === blockId) : undefined)?.type.startsWith('web.'));
  const tools = useSelectorTools(blockId);
  if (!isWeb) return null;
  return (
    <div className="selector-tools" data-testid="selector-tools">
      <SelectorButtons tools={tools} recordOnly={recordOnly} />
      {tools.status.kind !== 'idle' && <SelectorStatusLine status={tools.status} />}
      {tools.alternatives.length > 1 && <SelectorAlternatives alternatives={tools.alternatives} onUse={tools.use} />}
    </div>
  );
});
