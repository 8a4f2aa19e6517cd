import { useTranslation } from 'react-i18next';
import { currentLang } from '../i18n/index.js';
import { DialogButtons, Modal } from './Modal.js';
import { useOrchestratorConnection } from './orchestrator/useOrchestratorConnection.js';
import { ConnectionFields } from './orchestrator/ConnectionFields.js';
import { AssetList, ConnectionChecks } from './orchestrator/ConnectionReport.js';

/**
 * The Orchestrator connection: URL, API key (into the vault; the UI never gets it back), robot
 * GUID and TLS checks; "Test connection" lists what worked, step by step; the Orchestrator's
 * variables and credentials are listed read-only, so their names can be used in blocks.
 */
export function OrchestratorDialog({ onClose }: { onClose(): void }) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.language);
  const c = useOrchestratorConnection();
  return (
    <Modal title={t('orchestrator.title')} onCancel={onClose} wide>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void c.save().then((ok) => ok && onClose());
        }}
      >
        <ConnectionFields {...c} />
        {c.test && <ConnectionChecks test={c.test} lang={lang} />}
        {c.error && (
          <p className="field-error" role="alert">
            {c.error}
          </p>
        )}
        {c.assets && <AssetList assets={c.assets} />}
        <DialogButtons primary={t('orchestrator.save')} onCancel={onClose}>
          <button type="button" onClick={() => void c.loadAssets()}>
            {t('orchestrator.loadAssets')}
          </button>
          <button type="button" onClick={() => void c.runTest()} disabled={c.testing}>
            {c.testing ? t('orchestrator.testing') : t('orchestrator.test')}
          </button>
          <span className="grow" />
        </DialogButtons>
      </form>
    </Modal>
  );
}
