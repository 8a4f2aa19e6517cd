import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REDACTED } from '../../src/scenario/values.js';
import { useDesigner } from '../store/index.js';
import { revealVariable } from '../actions/run.js';
import { formatValue } from '../model/literals.js';

/**
 * A secret variable's live value: masked; "Reveal" asks the paused debug run for it. The value
 * lives in this component only (not the store, not the Output) and is forgotten when the run
 * moves on.
 */
export function SecretValue({ name, canReveal }: { name: string; canReveal: boolean }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<string | null>(null);
  const pauseKey = useDesigner((s) => `${s.run.runId ?? ''}:${s.run.status}:${s.run.pausedBlock ?? ''}`);
  useEffect(() => setShown(null), [pauseKey]);
  const reveal = async () => {
    const answer = await revealVariable(name);
    setShown(answer.error !== undefined ? `<${answer.error}>` : formatValue(answer.value));
  };
  return (
    <span className="secret-value">
      <span className="value secret" data-testid={`secret-${name}`}>{shown ?? REDACTED}</span>
      {canReveal && (
        <button type="button" className="link" onClick={() => (shown === null ? void reveal() : setShown(null))}>
          {shown === null ? t('debug.reveal') : t('debug.hide')}
        </button>
      )}
    </span>
  );
}
