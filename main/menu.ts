import { Menu, type MenuItemConstructorOptions } from 'electron';

export type MenuCommand = 'publish' | 'orchestrator';

/**
 * Standard menus (roles keep native shortcuts and accessibility); the UI has its own toolbar.
 * The Orchestrator menu opens the UI's own dialogs through `onCommand` (an `app.menu` event).
 */
export function applicationMenu(onCommand: (command: MenuCommand) => void = () => undefined): Menu {
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    {
      label: 'Orchestrator',
      submenu: [
        { label: 'Publish…', accelerator: 'CmdOrCtrl+Shift+P', click: () => onCommand('publish') },
        { label: 'Connection…', click: () => onCommand('orchestrator') },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
