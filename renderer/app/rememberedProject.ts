/**
 * The project open in this window, kept in sessionStorage: a page reload (or a renderer restart
 * of the same window) opens it again, while a new window starts on the start page.
 */
const KEY = 'cairn.designer.project';

export function rememberOpenProject(dir: string): void {
  try {
    sessionStorage.setItem(KEY, dir);
  } catch {
    // Storage may be unavailable (privacy modes): then a reload shows the start page.
  }
}

export function forgetOpenProject(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // nothing remembered then
  }
}

export function rememberedProject(): string | undefined {
  try {
    return sessionStorage.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/** The folder holding a path (`/a/b/c` → `/a/b`, `C:\a\b` → `C:\a`); the path itself at a root. */
export function parentFolder(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '');
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  if (cut < 0) return path;
  if (cut === 0) return trimmed.slice(0, 1);
  const parent = trimmed.slice(0, cut);
  return /^[A-Za-z]:$/.test(parent) ? `${parent}\\` : parent;
}
