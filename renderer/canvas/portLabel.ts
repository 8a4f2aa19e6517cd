import type { TFunction } from 'i18next';

/**
 * A port's name as the user reads it: the fixed ports translated (`true` → «да»), a switch
 * case as its value. The port id itself (in the file, in links) never changes.
 */
export function portLabel(
  port: string,
  t: TFunction | ((key: string, options?: Record<string, unknown>) => string),
): string {
  if (port.startsWith('case:')) return port.slice('case:'.length);
  return (t)(`ports.${port}`, {
    defaultValue: port,
  });
}
