import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bridge } from '../bridge/bridge.js';
import { useDesigner } from '../store/index.js';
import { applyProposal, insertRecorded, literalTarget, scenarioUrl, type Proposal } from './selectorTools.js';

type Status =
  | { kind: 'idle' }
  | { kind: 'picking' }
  | { kind: 'recording' }
  | { kind: 'matches'; count: number }
  | { kind: 'recorded'; count: number }
  | { kind: 'error'; text: string };

const activeDoc = () => {
  const s = useDesigner.getState();
  return s.active ? s.docs[s.active]?.doc : undefined;
};
/** The debug run paused right now: Pick and Highlight then work in its browser (when it has one open). */
const pausedRunId = () => {
  const { run } = useDesigner.getState();
  return run.status === 'paused' && run.runId ? run.runId : undefined;
};
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

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
  const { t } = useTranslation();
  const block = useDesigner((s) => (s.active ? s.docs[s.active]?.doc.blocks.find((b) => b.id === blockId) : undefined));
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const paused = useDesigner((s) => s.run.status === 'paused');
  const [alternatives, setAlternatives] = useState<Proposal[]>([]);
  const url = () => {
    const doc = activeDoc();
    return doc ? scenarioUrl(doc) : undefined;
  };
  const use = (proposal: Proposal) => {
    useDesigner.getState().edit((doc) => applyProposal(doc, blockId, proposal));
    setStatus({ kind: 'matches', count: proposal.count });
  };

  const pick = async () => {
    setStatus({ kind: 'picking' });
    setAlternatives([]);
    try {
      const result = await bridge.call('picker.pick', { url: url(), runId: pausedRunId() });
      setAlternatives(result.alternatives);
      if (result.best) use(result.best);
      else setStatus({ kind: 'error', text: t('picker.notUnique') });
    } catch (error) {
      setStatus((s) => (s.kind === 'picking' ? { kind: 'error', text: messageOf(error) } : s));
    }
  };
  const cancel = async () => {
    setStatus({ kind: 'idle' });
    await bridge.call('picker.cancel').catch(() => undefined);
  };
  const highlight = async () => {
    const target = literalTarget(block);
    if (!target) return setStatus({ kind: 'error', text: t('picker.nothingToHighlight') });
    try {
      const { count } = await bridge.call('picker.highlight', { url: url(), runId: pausedRunId(), ...target });
      setStatus({ kind: 'matches', count });
    } catch (error) {
      setStatus({ kind: 'error', text: messageOf(error) });
    }
  };
  const record = async () => {
    try {
      await bridge.call('picker.recordStart', { url: url() });
      setStatus({ kind: 'recording' });
    } catch (error) {
      setStatus({ kind: 'error', text: messageOf(error) });
    }
  };
  const stop = async () => {
    try {
      const { steps } = await bridge.call('picker.recordStop');
      // The block stays selected, so this field (and what it says) stays in view.
      if (steps.length) useDesigner.getState().edit((doc) => insertRecorded(doc, blockId, steps).doc);
      setStatus({ kind: 'recorded', count: steps.length });
    } catch (error) {
      setStatus({ kind: 'error', text: messageOf(error) });
    }
  };

  const busy = status.kind === 'picking' || status.kind === 'recording';
  if (!block?.type.startsWith('web.')) return null;
  return (
    <div className="selector-tools" data-testid="selector-tools">
      <div className="selector-buttons">
        {recordOnly ? null : status.kind === 'picking' ? (
          <button type="button" onClick={() => void cancel()}>
            {t('picker.cancel')}
          </button>
        ) : (
          <button type="button" onClick={() => void pick()} disabled={busy} title={t('picker.pickHelp')}>
            {t('picker.pick')}
          </button>
        )}
        {!recordOnly && (
          <button type="button" onClick={() => void highlight()} disabled={busy} title={t('picker.highlightHelp')}>
            {t('picker.highlight')}
          </button>
        )}
        {status.kind === 'recording' ? (
          <button type="button" className="recording" onClick={() => void stop()}>
            {t('picker.stop')}
          </button>
        ) : (
          <button type="button" onClick={() => void record()} disabled={busy} title={t('picker.recordHelp')}>
            {t('picker.record')}
          </button>
        )}
      </div>
      {status.kind !== 'idle' && (
        <p role="status" data-testid="selector-status" className={status.kind === 'error' || (status.kind === 'matches' && status.count !== 1) ? 'selector-status bad' : 'selector-status'}>
          {status.kind === 'picking' && t(paused ? 'picker.pickingPaused' : 'picker.picking')}
          {status.kind === 'recording' && t('picker.recording')}
          {status.kind === 'matches' && t('picker.matches', { count: status.count })}
          {status.kind === 'recorded' && t('picker.recorded', { count: status.count })}
          {status.kind === 'error' && status.text}
        </p>
      )}
      {alternatives.length > 1 && (
        <ul className="selector-alternatives" aria-label={t('picker.alternatives')}>
          {alternatives.map((p) => (
            <li key={`${p.by}:${p.selector}`} data-testid="picker-alternative">
              <button type="button" disabled={!p.unique} onClick={() => use(p)} title={p.unique ? t('picker.use') : t('picker.notUniqueOne')}>
                <span className="strategy">{t(`picker.strategy.${p.strategy}`)}</span> <code>{p.selector}</code> <span className="count">{t('picker.matches', { count: p.count })}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});
