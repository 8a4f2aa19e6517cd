import i18next from 'i18next';

/** 65_000 → "1:05"; an hour or more → "1:02:05". */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

export function formatTime(at: number, lang: string): string {
  return new Date(at).toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB', { dateStyle: 'short', timeStyle: 'medium' });
}

export function formatAgo(at: number, now = Date.now()): string {
  const minutes = Math.floor((now - at) / 60_000);
  if (minutes < 1) return i18next.t('assistant.ago.now');
  if (minutes < 60) return i18next.t('assistant.ago.minutes', { count: minutes });
  if (minutes < 24 * 60) return i18next.t('assistant.ago.hours', { count: Math.floor(minutes / 60) });
  return i18next.t('assistant.ago.days', { count: Math.floor(minutes / 1440) });
}

/** A value for people: text as it is, everything else as compact JSON. */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  return JSON.stringify(value);
}
