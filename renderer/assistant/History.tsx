import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bridge } from '../bridge/bridge.js';
import { reportError } from '../actions/notify.js';
import type { CommandResult } from '../../src/api/contract.js';
import { formatDuration, formatTime, formatValue } from './format.js';
import { useAssistant } from './store.js';

type HistoryRun = CommandResult<'assistant.history'>[number];
type RunDetail = CommandResult<'assistant.historyRun'>;
type ResultFilter = '' | 'success' | 'failed' | 'stopped' | 'aborted';

/** Saves text as a file through the browser (works the same in Electron's renderer). */
function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

function Values({ values }: { values: Record<string, unknown> }) {
  const entries = Object.entries(values);
  if (entries.length === 0) return <p className="muted">—</p>;
  return (
    <dl className="as-outputs">
      {entries.map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>{formatValue(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function Detail({ runGuid, onBack }: { runGuid: string; onBack(): void }) {
  const { t, i18n } = useTranslation();
  const [detail, setDetail] = useState<RunDetail | null>(null);
  useEffect(() => {
    void bridge.call('assistant.historyRun', { runGuid }).then(setDetail, reportError);
  }, [runGuid]);
  if (!detail) return <p className="muted">…</p>;
  const { run, log, screenshots } = detail;
  const exportLog = async () => {
    const file = await bridge.call('assistant.exportLog', { runGuid }).catch(reportError);
    if (file) download(file.fileName, file.text);
  };
  return (
    <section className="as-page as-detail" aria-label={run.name} data-testid="history-detail">
      <div className="as-toolbar">
        <button type="button" onClick={onBack}>
          ← {t('assistant.history.back')}
        </button>
        <span className="grow" />
        <button type="button" onClick={() => void exportLog()}>
          ⤓ {t('assistant.history.export')}
        </button>
      </div>
      <h2>
        {run.name} — <span className={`as-rt as-rt-${run.result}`}>{run.result ? t(`assistant.run.result.${run.result}`) : t('assistant.history.running')}</span>
      </h2>
      <p className="muted">
        {t('assistant.history.started')}: {formatTime(run.startedAt, i18n.language)}
        {run.finishedAt && ` · ${t('assistant.history.duration')}: ${formatDuration(run.finishedAt - run.startedAt)}`} ·{' '}
        {run.reported ? t('assistant.history.reported') : t('assistant.history.local')}
      </p>
      {run.errorMessage && (
        <p className="as-error">
          {run.errorStep ? t('assistant.run.failedAt', { step: run.errorStep }) : t('assistant.run.failedPlain')} {run.errorMessage}
        </p>
      )}
      <div className="as-columns">
        <div>
          <h3>{t('assistant.history.arguments')}</h3>
          <Values values={run.args} />
        </div>
        <div>
          <h3>{t('assistant.history.outputs')}</h3>
          <Values values={run.outputs} />
        </div>
      </div>
      {screenshots.length > 0 && (
        <>
          <h3>{t('assistant.history.screenshots')}</h3>
          {screenshots.map((s, i) => (
            <figure key={i} className="as-shot">
              <img src={`data:image/png;base64,${s.pngBase64}`} alt={s.note} />
              <figcaption>{s.note}</figcaption>
            </figure>
          ))}
        </>
      )}
      <h3>{t('assistant.history.log')}</h3>
      <ol className="as-log tall" data-testid="history-log">
        {log.map((line, i) => (
          <li key={i} className={`level-${line.level}`}>
            <time>{new Date(line.at).toLocaleTimeString(i18n.language)}</time> {line.message}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Every run kept in the app's database, filtered by process, result and log text. */
export function History() {
  const { t, i18n } = useTranslation();
  const processes = useAssistant((s) => s.processes);
  const [processId, setProcessId] = useState('');
  const [result, setResult] = useState<ResultFilter>('');
  const [search, setSearch] = useState('');
  const [runs, setRuns] = useState<HistoryRun[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  const live = useAssistant((s) => s.live?.state);
  useEffect(() => {
    const timer = window.setTimeout(() => {
      void bridge
        .call('assistant.history', { ...(processId ? { processId } : {}), ...(result ? { result } : {}), ...(search.trim() ? { search } : {}) })
        .then(setRuns, reportError);
    }, 150);
    return () => window.clearTimeout(timer);
  }, [processId, result, search, live]);
  if (open) return <Detail runGuid={open} onBack={() => setOpen(null)} />;
  return (
    <section className="as-page" aria-label={t('assistant.history.title')}>
      <div className="as-toolbar">
        <select value={processId} onChange={(e) => setProcessId(e.target.value)} aria-label={t('assistant.history.process')}>
          <option value="">{t('assistant.history.anyProcess')}</option>
          {processes.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <select value={result} onChange={(e) => setResult(e.target.value as ResultFilter)} aria-label={t('assistant.history.result')}>
          <option value="">{t('assistant.history.anyResult')}</option>
          {(['success', 'failed', 'stopped', 'aborted'] as const).map((r) => (
            <option key={r} value={r}>
              {t(`assistant.run.result.${r}`)}
            </option>
          ))}
        </select>
        <input type="search" className="as-search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('assistant.history.search')} aria-label={t('assistant.history.search')} />
      </div>
      {runs.length === 0 ? (
        <p className="as-empty">{t('assistant.history.empty')}</p>
      ) : (
        <table className="as-table" data-testid="history-table">
          <thead>
            <tr>
              <th>{t('assistant.history.process')}</th>
              <th>{t('assistant.history.started')}</th>
              <th>{t('assistant.history.duration')}</th>
              <th>{t('assistant.history.result')}</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => {
              const when = formatTime(run.startedAt, i18n.language);
              return (
                <tr key={run.runGuid}>
                  <td>
                    <button type="button" className="link" onClick={() => setOpen(run.runGuid)} aria-label={t('assistant.history.open', { name: run.name, when })}>
                      {run.name}
                    </button>
                  </td>
                  <td>{when}</td>
                  <td>{run.finishedAt ? formatDuration(run.finishedAt - run.startedAt) : '…'}</td>
                  <td className={`as-rt as-rt-${run.result}`}>{run.result ? t(`assistant.run.result.${run.result}`) : t('assistant.history.running')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
