/**
 * Hotkeys as people write them ("Ctrl+Alt+1"), matched against keyboard events. The same text
 * is what Electron's globalShortcut takes as an accelerator, so one setting serves both modes.
 */

type KeyEventLike = { key: string; code?: string; ctrlKey: boolean; altKey: boolean; shiftKey: boolean; metaKey: boolean };

const MODIFIERS = ['Ctrl', 'Alt', 'Shift', 'Meta'] as const;

function keyName(event: KeyEventLike): string {
  // `code` is layout-independent (Digit1, KeyS), so Ctrl+Alt+S works on a Russian layout too.
  if (event.code?.startsWith('Key')) return event.code.slice(3);
  if (event.code?.startsWith('Digit')) return event.code.slice(5);
  if (/^F\d{1,2}$/.test(event.key)) return event.key;
  return event.key.length === 1 ? event.key.toUpperCase() : event.key;
}

/** Canonical form: modifiers in a fixed order, then one key; '' for a lone modifier. */
export function normalizeHotkey(text: string): string {
  const parts = text.split('+').map((p) => p.trim()).filter(Boolean);
  const mods = new Set<string>();
  let key = '';
  for (const part of parts) {
    const lower = part.toLowerCase();
    if (lower === 'ctrl' || lower === 'control' || lower === 'cmdorctrl' || lower === 'commandorcontrol') mods.add('Ctrl');
    else if (lower === 'alt' || lower === 'option') mods.add('Alt');
    else if (lower === 'shift') mods.add('Shift');
    else if (lower === 'meta' || lower === 'cmd' || lower === 'command' || lower === 'super') mods.add('Meta');
    else key = part.length === 1 ? part.toUpperCase() : part[0].toUpperCase() + part.slice(1);
  }
  if (!key) return '';
  return [...MODIFIERS.filter((m) => mods.has(m)), key].join('+');
}

export function hotkeyOfEvent(event: KeyEventLike): string {
  if (['Control', 'Alt', 'Shift', 'Meta'].includes(event.key)) return '';
  const mods = [event.ctrlKey && 'Ctrl', event.altKey && 'Alt', event.shiftKey && 'Shift', event.metaKey && 'Meta'].filter(Boolean);
  return [...mods, keyName(event)].join('+');
}

/** A hotkey needs a modifier, so typing in a field never starts a process. */
export function isUsableHotkey(text: string): boolean {
  const normal = normalizeHotkey(text);
  return normal.includes('+') && !/^Shift\+.$/.test(normal);
}
