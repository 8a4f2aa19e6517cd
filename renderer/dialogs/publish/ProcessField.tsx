import { useTranslation } from 'react-i18next';
import { NEW_PROCESS, type Process } from './types.js';

type Props = {
  processes: Process[] | null;
  processGuid: string;
  onProcess(guid: string): void;
  newName: string;
  onNewName(name: string): void;
};

/** Which Orchestrator process gets the version: one from its list, or a new one by name. */
export function ProcessField({ processes, processGuid, onProcess, newName, onNewName }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <label>
        {t('publish.process')}
        <select value={processGuid} onChange={(e) => onProcess(e.target.value)} aria-label={t('publish.process')} disabled={processes === null}>
          <option value="">{processes === null ? t('publish.loadingProcesses') : t('publish.chooseProcess')}</option>
          {(processes ?? []).map((p) => (
            <option key={p.guid} value={p.guid}>
              {p.name}
            </option>
          ))}
          <option value={NEW_PROCESS}>{t('publish.newProcess')}</option>
        </select>
      </label>
      {processGuid === NEW_PROCESS && (
        <label>
          {t('publish.newProcessName')}
          <input value={newName} onChange={(e) => onNewName(e.target.value)} aria-label={t('publish.newProcessName')} />
        </label>
      )}
    </>
  );
}
