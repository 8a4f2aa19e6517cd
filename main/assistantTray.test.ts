import { describe, expect, it } from 'vitest';
import { assistantTrayModel, type TrayItem } from './assistantTray.js';

const processes = [
  { id: 'p1', name: 'Payroll', favourite: false, hotkey: null },
  { id: 'p2', name: 'Invoices', favourite: true, hotkey: 'Ctrl+Alt+1' },
];

const actions = (items: TrayItem[]): string[] =>
  items.flatMap((item) => (item.kind === 'action' ? [`${item.label}${item.enabled ? '' : ' (disabled)'}`] : item.kind === 'submenu' ? actions(item.items) : []));

describe('the Assistant tray', () => {
  it('offers each process (favourites first) and the app while the robot is idle', () => {
    const model = assistantTrayModel({ lang: 'en', connection: { state: 'connected' }, processes, run: null });
    expect(model.icon).toBe('idle');
    expect(model.items[0]).toEqual({ kind: 'label', label: 'Robot: ready' });
    expect(model.items[1]).toEqual({ kind: 'label', label: 'Connected to the Orchestrator' });
    expect(actions(model.items)).toEqual(['★ Invoices', 'Payroll', 'Open Cairn Assistant', 'Quit']);
    const submenu = model.items.find((i) => i.kind === 'submenu');
    expect(submenu?.kind === 'submenu' && submenu.items[0]).toMatchObject({ action: { type: 'run', processId: 'p2' }, accelerator: 'Ctrl+Alt+1' });
  });

  it('shows the run going with Stop and Abort, and no second Run', () => {
    const model = assistantTrayModel({ lang: 'ru', connection: { state: 'unreachable' }, processes, run: { runId: 'r1', name: 'Invoices' } });
    expect(model.icon).toBe('running');
    expect(model.tooltip).toBe('Cairn — Робот: выполняется Invoices · Оркестратор недоступен');
    expect(actions(model.items)).toEqual(['★ Invoices (disabled)', 'Payroll (disabled)', 'Остановить Invoices', 'Прервать Invoices', 'Открыть Cairn Ассистент', 'Выход']);
    const stop = model.items.find((i) => i.kind === 'action' && i.action.type === 'stop');
    expect(stop).toMatchObject({ action: { type: 'stop', runId: 'r1' } });
  });

  it('turns the icon to offline when the Orchestrator cannot be reached, and says what to do with no process', () => {
    const model = assistantTrayModel({ lang: 'en', connection: { state: 'notRegistered' }, processes: [], run: null });
    expect(model.icon).toBe('offline');
    const submenu = model.items.find((i) => i.kind === 'submenu');
    expect(submenu?.kind === 'submenu' && submenu.items).toEqual([{ kind: 'label', label: 'No processes — open the app to add one' }]);
  });
});
