import i18next from 'i18next';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { bridge } from '../bridge/bridge.js';
import { reportError } from '../actions/notify.js';
import { useDesigner } from '../store/index.js';
import { loadConnection, loadOptions, loadProcesses, startAssistantEvents } from './actions.js';
import { AssistantApp } from './AssistantApp.js';
import { assistantEn } from './i18n/en.js';
import { assistantRu } from './i18n/ru.js';
import { useAssistant } from './store.js';
import './assistant.css';

/** Starts the Assistant face: its strings, its data, the run going now (if any), the UI. */
export async function bootAssistant(): Promise<void> {
  i18next.addResourceBundle('en', 'translation', { assistant: assistantEn }, true, true);
  i18next.addResourceBundle('ru', 'translation', { assistant: assistantRu }, true, true);
  document.documentElement.classList.add('face-assistant');
  // Block titles for "Now: <step>" come from the catalog.
  const catalog = await bridge.call('catalog.list').catch(reportError);
  if (catalog) useDesigner.getState().setCatalog(catalog);
  startAssistantEvents();
  await Promise.all([loadProcesses(), loadConnection(), loadOptions()]);
  const active = await bridge.call('assistant.active').catch(reportError);
  if (active?.run) useAssistant.getState().startLive(active.run);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <AssistantApp />
    </StrictMode>,
  );
}
