/** JSON answers become values; everything else is text (binary files belong to http.download). */
export function decodeBody(data: Buffer, contentType: string | undefined): unknown {
  const text = data.toString('utf8');
  if (contentType && /[/+]json\b/i.test(contentType) && text.trim() !== '') {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

/** Response headers as a plain dictionary with lower-case names; repeated headers joined by ", ". */
export function headerRecord(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const source = headers && typeof (headers as { toJSON?: unknown }).toJSON === 'function'
    ? (headers as { toJSON(): Record<string, unknown> }).toJSON()
    : ((headers ?? {}) as Record<string, unknown>);
  for (const [name, value] of Object.entries(source)) {
    if (value === undefined || value === null) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}

/** A dictionary parameter (headers, query; the engine checked it is one) as strings. */
export function stringRecord(value: Record<string, unknown> | undefined | null): Record<string, string> {
  if (value === undefined || value === null) return {};
  const out: Record<string, string> = {};
  for (const [name, v] of Object.entries(value)) {
    if (v !== undefined && v !== null) out[name] = typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
  return out;
}
