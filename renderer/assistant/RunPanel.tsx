import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLang, localized } from '../i18n/index.js';
import { useDesigner } from '../store/index.js';
import { control, startProcess } from './actions.js';
import { formatDuration, formatValue } from './format.js';
import { useAssistant, type LiveRun, type ProcessInputs } from './store.js';

type Input = ProcessInputs['inputs'][number];

function initialValue(input: Input): unknown {
  if (input.type === 'boolean') return input.default === true;
  if (input.default === undefined) return '';
  return typeof input.default === 'string' || typeof input.default === 'number' ? input.default : JSON.stringify(input.default);
}

function Field({ input, value, onChange }: { input: Input; value: unknown; onChange(value: unknown): void }) {
  const { t } = useTranslation();
  const label = (
    <span>
      {input.name}
      {input.required && <span className="as-required" title={t('assistant.run.required')}> *</span>}
    </span>
  );
  const common = { 'aria-label': input.name, required: input.required };
  let control;
  if (input.type === 'boolean') {
    return (
      <label className="as-check">
        <input type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} aria-label={input.name} />
        {label}
        {input.description && <span className="muted small">{input.description}</span>}
      </label>
    );
  } else if (input.sensitive) {
    control = <input type="password" autoComplete="off" value={String(value)} onChange={(e) => onChange(e.target.value)} {...common} />;
  } else if (input.type === 'number') {
    control = <input type="number" step="any" value={String(value)} onChange={(e) => onChange(e.target.value)} {...common} />;
  } else if (input.type === 'datetime') {
    control = <input type="datetime-local" value={String(value)} onChange={(e) => onChange(e.target.value)} {...common} />;
  } else if (input.type === 'list' || input.type === 'dictionary' || input.type === 'table' || input.type === 'any') {
    control = <textarea rows={3} value={String(value)} onChange={(e) => onChange(e.target.value)} placeholder="JSON" {...common} />;
  } else {
    control = <input type="text" value={String(value)} onChange={(e) => onChange(e.target.value)} {...common} />;
  }
  return (
    <label>
      {label}
      {control}
      {input.description && <span className="muted small">{input.description}</span>}
    </label>
  );
}

function RunForm({ id, inputs }: { id: string; inputs: ProcessInputs }) {
  const { t } = useTranslation();
  const name = useAssistant((s) => s.processes.find((p) => p.id === id)?.name ?? inputs.scenarioName);
  const [values, setValues] = useState<Record<string, unknown>>(() => Object.fromEntries(inputs.inputs.map((i) => [i.name, initialValue(i)])));
  const [starting, setStarting] = useState(false);
  const submit = async () => {
    setStarting(true);
    // Empty optional fields are left out: the scenario's default applies.
    const args = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
    if (await startProcess(id, args)) useAssistant.getState().select(null);
    setStarting(false);
  };
  return (
    <form
      className="as-form"
      aria-label={t('assistant.run.formTitle', { name })}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2>{t('assistant.run.formTitle', { name })}</h2>
      {inputs.description && <p className="muted">{inputs.description}</p>}
      {inputs.inputs.length === 0 && <p className="muted">{t('assistant.run.noInputs')}</p>}
      {inputs.inputs.map((input) => (
        <Field key={input.name} input={input} value={values[input.name]} onChange={(v) => setValues((all) => ({ ...all, [input.name]: v }))} />
      ))}
      <div className="buttons">
        <button type="submit" className="primary big" disabled={starting}>
          ▶ {t('assistant.run.start')}
        </button>
        <button type="button" onClick={() => useAssistant.getState().select(null)}>
          {t('assistant.run.close')}
        </button>
      </div>
    </form>
  );
}

function useNow(active: boolean): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(timer);
  }, [active]);
  return now;
}

function stepTitle(step: LiveRun['step'], lang: 'en' | 'ru'): string {
  if (!step) return '';
  const info = useDesigner.getState().catalog.get(step.blockType);
  return info ? `${localized(info.title, lang)} (${step.blockId})` : step.blockId;
}

function LiveView({ live }: { live: LiveRun }) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.language);
  const going = live.state !== 'finished';
  const now = useNow(going);
  const elapsed = (live.finishedAt ?? now) - live.startedAt;
  const error = live.error;
  return (
    <section className="as-live" aria-label={live.name} data-testid="live-run">
      <h2>{live.name}</h2>
      {going ? (
        <>
          <p className="as-status" role="status" data-testid="run-status">
            <span className={`as-pill ${live.state}`}>{live.state === 'paused' ? t('assistant.run.paused') : t('assistant.run.running')}</span>{' '}
            {t('assistant.run.elapsed', { time: formatDuration(elapsed) })}
          </p>
          {live.step && <p className="as-step">{t('assistant.run.step', { step: stepTitle(live.step, lang) })}</p>}
          <div className="as-controls" role="group">
            {live.state === 'paused' ? (
              <button type="button" className="big" onClick={() => control('resume')}>
                ▶ {t('assistant.run.resume')}
              </button>
            ) : (
              <button type="button" className="big" onClick={() => control('pause')}>
                ❚❚ {t('assistant.run.pause')}
              </button>
            )}
            <button type="button" className="big" onClick={() => control('stop')}>
              ■ {t('assistant.run.stop')}
            </button>
            <button type="button" className="big danger" onClick={() => control('abort')}>
              ✕ {t('assistant.run.abort')}
            </button>
          </div>
          <p className="muted small">{t('assistant.run.stopHint')}</p>
        </>
      ) : (
        <div className={`as-result as-result-${live.result}`} data-testid="run-result" role="status">
          <strong>{t(`assistant.run.result.${live.result ?? 'failed'}`)}</strong> · {formatDuration(elapsed)}
          {error && (
            <p className="as-error">
              {error.blockId ? t('assistant.run.failedAt', { step: stepTitle({ blockId: error.blockId, blockType: error.blockType ?? '', scenario: '' }, lang) }) : t('assistant.run.failedPlain')} {error.message}
            </p>
          )}
          <h3>{t('assistant.run.outputs')}</h3>
          {live.outputs && Object.keys(live.outputs).length > 0 ? (
            <dl className="as-outputs" data-testid="run-outputs">
              {Object.entries(live.outputs).map(([name, value]) => (
                <div key={name}>
                  <dt>{name}</dt>
                  <dd>{formatValue(value)}</dd>
                </div>
              ))}
            </dl>
          ) : (
            <p className="muted">{t('assistant.run.noOutputs')}</p>
          )}
          <div className="buttons">
            <button type="button" onClick={() => useAssistant.setState({ live: null })}>
              {t('assistant.run.close')}
            </button>
          </div>
        </div>
      )}
      <h3>{t('assistant.run.log')}</h3>
      <ol className="as-log" data-testid="log-tail" aria-label={t('assistant.run.log')}>
        {live.log.length === 0 && <li className="muted">{t('assistant.run.noLog')}</li>}
        {live.log.map((line, i) => (
          <li key={i} className={`level-${line.level}`}>
            {line.message}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The right-hand panel: the run form, the live run, then its result. */
export function RunPanel() {
  const selected = useAssistant((s) => s.selected);
  const inputs = useAssistant((s) => s.inputs);
  const live = useAssistant((s) => s.live);
  if (selected && inputs && (!live || live.state === 'finished')) return <RunForm key={selected} id={selected} inputs={inputs} />;
  if (live) return <LiveView live={live} />;
  return null;
}
