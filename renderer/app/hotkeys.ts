/**
 * The run and debug keys, as in the vendor's Designer (its users' fingers know them). One table
 * drives the keyboard handler, the toolbar tooltips and docs/designer.md, so they cannot drift.
 * Ctrl+F5 is "run without debugging" there: it must never abort.
 */
export type HotkeyAction =
  | 'run'
  | 'runOrContinue'
  | 'debug'
  | 'debugFromSelected'
  | 'stepOver'
  | 'stepInto'
  | 'stepOut'
  | 'breakpoint'
  | 'pause'
  | 'stop'
  | 'abort';

type Chord = { key: string; ctrl?: boolean; shift?: boolean; alt?: boolean };

/** Several chords may trigger one action; the first is the one shown in tooltips. */
export const hotkeys: Record<HotkeyAction, Chord[]> = {
  runOrContinue: [{ key: 'F5' }],
  run: [{ key: 'F5', ctrl: true }],
  debug: [{ key: 'F6', ctrl: true }],
  debugFromSelected: [{ key: 'F6', ctrl: true, shift: true }],
  stepOver: [{ key: 'F10' }],
  stepInto: [{ key: 'F11' }],
  stepOut: [{ key: 'F11', shift: true }],
  breakpoint: [{ key: 'F9' }],
  // Pause/Break is missing on many laptops: Ctrl+Alt+P works everywhere.
  pause: [{ key: 'Pause' }, { key: 'p', ctrl: true, alt: true }],
  stop: [{ key: 'F5', shift: true }],
  // A hard kill sits on a deliberate three-key chord, far from Ctrl+F5.
  abort: [{ key: 'F5', ctrl: true, alt: true }],
};

export type KeyLike = { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean };

function matches(chord: Chord, e: KeyLike): boolean {
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  return (
    key === chord.key &&
    (e.ctrlKey || e.metaKey) === (chord.ctrl ?? false) &&
    e.shiftKey === (chord.shift ?? false) &&
    e.altKey === (chord.alt ?? false)
  );
}

/** The action a key press means, if any (modifiers must match exactly). */
export function hotkeyAction(e: KeyLike): HotkeyAction | undefined {
  for (const [action, chords] of Object.entries(hotkeys) as [HotkeyAction, Chord[]][]) {
    if (chords.some((c) => matches(c, e))) return action;
  }
  return undefined;
}

/** "Ctrl+Shift+F6" — for tooltips and docs. */
export function hotkeyLabel(action: HotkeyAction): string {
  const [chord] = hotkeys[action];
  if (!chord) return '';
  const parts = [chord.ctrl && 'Ctrl', chord.alt && 'Alt', chord.shift && 'Shift', chord.key.length === 1 ? chord.key.toUpperCase() : chord.key];
  return parts.filter(Boolean).join('+');
}
