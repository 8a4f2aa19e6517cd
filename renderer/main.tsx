import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './styles/app.css';
import { bridge } from './bridge/bridge.js';
import { initI18n } from './i18n/index.js';
import { useDesigner } from './store/index.js';
import { startBackgroundWork } from './actions/background.js';
import { openProject } from './actions/files.js';
import { reportError } from './actions/notify.js';
import { App } from './app/App.js';
import { forgetOpenProject, rememberedProject } from './app/rememberedProject.js';

/** Loads settings and the block catalog, renders the Designer, then opens the host's project. */
async function boot(): Promise<void> {
  const settings = await bridge.call('settings.get').catch(reportError);
  const lang = settings?.language ?? 'en';
  await initI18n(lang);
  document.documentElement.lang = lang;
  const theme = settings?.theme ?? 'light';
  useDesigner.getState().setTheme(theme);
  document.documentElement.dataset.theme = theme;
  const info = await bridge.call('app.info').catch(reportError);
  // The same renderer serves the Assistant (`cairn assistant`): loaded only for that face.
  if (info?.face === 'assistant') {
    const { bootAssistant } = await import('./assistant/boot.js');
    return bootAssistant();
  }
  const catalog = await bridge.call('catalog.list').catch(reportError);
  if (catalog) useDesigner.getState().setCatalog(catalog);
  startBackgroundWork();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ReactFlowProvider>
        <App />
      </ReactFlowProvider>
    </StrictMode>,
  );
  // After a reload the project this window had open; else the one named on the command line.
  const remembered = rememberedProject();
  const dir = remembered ?? info?.projectDir;
  // A remembered project that is gone (moved, deleted) is not tried again on the next reload.
  if (dir && !(await openProject(dir)) && remembered) forgetOpenProject();
}

void boot();
