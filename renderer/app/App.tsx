import { useState } from 'react';
import { useDesigner, selectActive } from '../store/index.js';
import { Toolbar } from './Toolbar.js';
import { StartPage } from './StartPage.js';
import { BottomPanel } from './BottomPanel.js';
import { StatusBar } from './StatusBar.js';
import { useShortcuts } from './keyboard.js';
import { Explorer } from '../panels/Explorer.js';
import { Palette } from '../panels/Palette.js';
import { Tabs } from '../canvas/Tabs.js';
import { Canvas } from '../canvas/Canvas.js';
import { Properties } from '../properties/Properties.js';
import { ProjectDialog, type ProjectDialogKind } from '../dialogs/ProjectDialog.js';
import { QuestionHost } from '../dialogs/QuestionHost.js';
import { RunDialogHost } from '../dialogs/RunDialogHost.js';
import { OrchestratorDialog } from '../dialogs/OrchestratorDialog.js';
import { PublishDialog } from '../dialogs/PublishDialog.js';

export function App() {
  const open = useDesigner(selectActive);
  const theme = useDesigner((s) => s.theme);
  const [projectDialog, setProjectDialog] = useState<ProjectDialogKind | null>(null);
  const appDialog = useDesigner((s) => s.appDialog);
  const closeAppDialog = () => useDesigner.getState().setAppDialog(null);
  useShortcuts();
  return (
    <div className={`app theme-${theme}`}>
      <Toolbar onProjectDialog={setProjectDialog} />
      <main className="workspace">
        <aside className="side-left nokey">
          <Explorer />
          <Palette />
        </aside>
        <section className="center-column">
          <Tabs />
          {open ? <Canvas key={open.path} open={open} /> : <StartPage onProjectDialog={setProjectDialog} />}
          <BottomPanel />
        </section>
        <aside className="side-right nokey">
          <Properties />
        </aside>
      </main>
      <StatusBar />
      {projectDialog && <ProjectDialog kind={projectDialog} onClose={() => setProjectDialog(null)} />}
      {appDialog === 'publish' && <PublishDialog onClose={closeAppDialog} />}
      {appDialog === 'orchestrator' && <OrchestratorDialog onClose={closeAppDialog} />}
      <RunDialogHost />
      <QuestionHost />
    </div>
  );
}
