import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bridge } from '../bridge/bridge.js';
import { useDesigner } from '../store/index.js';
import type { DialogRequest } from '../store/dialogs.js';
import { reportError } from '../actions/notify.js';
import { DialogButtons, Modal } from './Modal.js';
import { FolderBrowser } from './FolderBrowser.js';

function answer(request: DialogRequest, result: unknown): void {
  useDesigner.getState().dropDialog(request.requestId);
  void bridge.call('dialog.answer', { requestId: request.requestId, result }).catch(reportError);
}

type InputField = Extract<DialogRequest, { method: 'dialog.input' }>['params']['fields'][number];

function initialValues(fields: InputField[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f.name, f.default ?? (f.type === 'boolean' ? false : '')]));
}

function InputForm({ request }: { request: Extract<DialogRequest, { method: 'dialog.input' }> }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(() => initialValues(request.params.fields));
  const set = (name: string, value: unknown) => setValues((v) => ({ ...v, [name]: value }));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        answer(request, values);
      }}
    >
      {request.params.message && <p>{request.params.message}</p>}
      {request.params.fields.map((f) => (
        <label key={f.name}>
          {f.label}
          {f.type === 'boolean' ? (
            <input type="checkbox" checked={!!values[f.name]} onChange={(e) => set(f.name, e.target.checked)} aria-label={f.label} />
          ) : f.type === 'choice' ? (
            <select value={String(values[f.name] ?? '')} onChange={(e) => set(f.name, e.target.value)} aria-label={f.label}>
              {(f.choices ?? []).map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          ) : (
            <input
              type={f.type === 'password' ? 'password' : f.type === 'number' ? 'number' : f.type === 'date' ? 'date' : 'text'}
              required={f.required}
              value={String(values[f.name] ?? '')}
              onChange={(e) => set(f.name, f.type === 'number' ? Number(e.target.value) : e.target.value)}
              aria-label={f.label}
            />
          )}
        </label>
      ))}
      <DialogButtons primary={t('dialogs.ok')} onCancel={() => answer(request, null)} />
    </form>
  );
}

function ChooseFile({ request }: { request: Extract<DialogRequest, { method: 'dialog.chooseFile' }> }) {
  const { t } = useTranslation();
  const [dir, setDir] = useState('');
  const [path, setPath] = useState('');
  const folder = request.params.folder;
  return (
    <>
      <input value={path} onChange={(e) => setPath(e.target.value)} aria-label={t('dialogs.name')} />
      <FolderBrowser
        {...(request.params.filters ? { extensions: request.params.filters } : {})}
        directoriesOnly={!!folder}
        onDir={(d) => {
          setDir(d);
          if (folder) setPath(d);
        }}
        onPickFile={setPath}
      />
      <DialogButtons
        primary={t('dialogs.choose')}
        onPrimary={() => answer(request, path || (folder ? dir : null))}
        disabled={!path && !folder}
        onCancel={() => answer(request, null)}
      />
    </>
  );
}

/** Dialogs blocks ask for during a run (`dialog.request`), answered with `dialog.answer`. */
export function RunDialogHost() {
  const { t } = useTranslation();
  const request = useDesigner((s) => s.dialogs[0]);
  if (!request) return null;
  const cancel = () => answer(request, request.method === 'dialog.confirm' ? false : null);
  return (
    <Modal title={request.params.title} onCancel={cancel} wide={request.method === 'dialog.chooseFile'}>
      {request.method === 'dialog.message' && (
        <>
          <p className={`level-${request.params.level ?? 'info'}`}>{request.params.message}</p>
          <div className="buttons">
            <button type="button" className="primary" onClick={() => answer(request, null)}>
              {t('dialogs.ok')}
            </button>
          </div>
        </>
      )}
      {request.method === 'dialog.confirm' && (
        <>
          <p>{request.params.message}</p>
          <div className="buttons">
            <button type="button" className="primary" onClick={() => answer(request, true)}>
              {t('dialogs.yes')}
            </button>
            <button type="button" onClick={() => answer(request, false)}>
              {t('dialogs.no')}
            </button>
          </div>
        </>
      )}
      {request.method === 'dialog.input' && <InputForm request={request} />}
      {request.method === 'dialog.chooseFile' && <ChooseFile request={request} />}
    </Modal>
  );
}
