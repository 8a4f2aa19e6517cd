import { describe, expect, it } from 'vitest';
import { hotkeyAction, hotkeyLabel } from './hotkeys.js';

const press = (key: string, mods: { ctrl?: boolean; shift?: boolean; alt?: boolean; meta?: boolean } = {}) =>
  hotkeyAction({ key, ctrlKey: !!mods.ctrl, metaKey: !!mods.meta, shiftKey: !!mods.shift, altKey: !!mods.alt });

describe('the vendor hotkeys', () => {
  it('Ctrl+F5 runs without debugging and never aborts', () => {
    expect(press('F5', { ctrl: true })).toBe('run');
    expect(press('F5', { meta: true })).toBe('run');
  });
  it('maps the debug keys', () => {
    expect(press('F5')).toBe('runOrContinue');
    expect(press('F6', { ctrl: true })).toBe('debug');
    expect(press('F6', { ctrl: true, shift: true })).toBe('debugFromSelected');
    expect(press('F9')).toBe('breakpoint');
    expect(press('F10')).toBe('stepOver');
    expect(press('F11')).toBe('stepInto');
    expect(press('F11', { shift: true })).toBe('stepOut');
    expect(press('F5', { shift: true })).toBe('stop');
    expect(press('F5', { ctrl: true, alt: true })).toBe('abort');
    expect(press('Pause')).toBe('pause');
    expect(press('P', { ctrl: true, alt: true })).toBe('pause');
  });
  it('ignores keys with other modifiers', () => {
    expect(press('F6')).toBeUndefined();
    expect(press('F9', { ctrl: true })).toBeUndefined();
    expect(press('s', { ctrl: true })).toBeUndefined();
  });
  it('labels keys for tooltips', () => {
    expect(hotkeyLabel('run')).toBe('Ctrl+F5');
    expect(hotkeyLabel('debugFromSelected')).toBe('Ctrl+Shift+F6');
    expect(hotkeyLabel('abort')).toBe('Ctrl+Alt+F5');
  });
});
