import { describe, expect, it } from 'vitest';
import { hotkeyOfEvent, isUsableHotkey, normalizeHotkey } from './hotkeys.js';

const press = (key: string, code: string, mods: Partial<Record<'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey', boolean>> = {}) => ({
  key,
  code,
  ctrlKey: false,
  altKey: false,
  shiftKey: false,
  metaKey: false,
  ...mods,
});

describe('assistant hotkeys', () => {
  it('match what people type against key presses, whatever the keyboard layout', () => {
    expect(normalizeHotkey('alt + ctrl + s')).toBe('Ctrl+Alt+S');
    expect(hotkeyOfEvent(press('ы', 'KeyS', { ctrlKey: true, altKey: true }))).toBe('Ctrl+Alt+S');
    expect(hotkeyOfEvent(press('1', 'Digit1', { ctrlKey: true, altKey: true }))).toBe(normalizeHotkey('Ctrl+Alt+1'));
    expect(hotkeyOfEvent(press('F9', 'F9', { shiftKey: true }))).toBe('Shift+F9');
    expect(hotkeyOfEvent(press('Control', 'ControlLeft', { ctrlKey: true }))).toBe('');
  });

  it('refuse hotkeys that plain typing would trigger', () => {
    expect(isUsableHotkey('S')).toBe(false);
    expect(isUsableHotkey('Shift+S')).toBe(false);
    expect(isUsableHotkey('Ctrl+Alt+1')).toBe(true);
    expect(isUsableHotkey('Ctrl+')).toBe(false);
  });
});
