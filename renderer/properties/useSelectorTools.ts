import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bridge } from '../bridge/bridge.js';
import { useDesigner } from '../store/index.js';
import { applyProposal, insertRecorded, literalTarget, scenarioUrl, type Proposal } from './selectorTools.js';

export type SelectorStatus =
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
/** The address the picker opens: the scenario's own "Open browser" / "Go to URL", if any. */
const url = () => {
  const doc = activeDoc();
  return doc ? scenarioUrl(doc) : undefined;
};
/** The debug run paused right now: Pick and Highlight then work in its browser (when it has one open). */
const pausedRunId = () => {
  const { run } = useDesigner.getState();
  return run.status === 'paused' && run.runId ? run.runId : undefined;
};
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Pick, Highlight and Record for one web block, through the picker's contract calls, and what they say. */
export function useSelectorTools(blockId: string) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<SelectorStatus>({ kind: 'idle' });
  const [alternatives, setAlternatives] = useState<Proposal[]>([]);
  const fail = (error: unknown) => setStatus({ kind: 'error', text: messageOf(error) });

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
    const block = activeDoc()?.blocks.find((b) => b.id === blockId);
    const target = literalTarget(block);
    if (!target) return setStatus({ kind: 'error', text: t('picker.nothingToHighlight') });
    await bridge.call('picker.highlight', { url: url(), runId: pausedRunId(), ...target }).then(({ count }) => setStatus({ kind: 'matches', count }), fail);
  };
  const record = async () => {
    await bridge.call('picker.recordStart', { url: url() }).then(() => setStatus({ kind: 'recording' }), fail);
  };
  const stop = async () => {
    try {
      const { steps } = await bridge.call('picker.recordStop');
      // The block stays selected, so this field (and what it says) stays in view.
      if (steps.length) useDesigner.getState().edit((doc) => insertRecorded(doc, blockId, steps).doc);
      setStatus({ kind: 'recorded', count: steps.length });
    } catch (error) {
      fail(error);
    }
  };
  return { status, alternatives, use, pick, cancel, highlight, record, stop };
}
