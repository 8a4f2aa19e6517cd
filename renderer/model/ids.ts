/** A readable, unique block id: `assign1`, `log2` … derived from the block type's last segment. */
export function uniqueBlockId(type: string, used: ReadonlySet<string>): string {
  const base = (type.split('.').pop() ?? 'block').replace(/[^\w]/g, '') || 'block';
  for (let n = 1; ; n++) {
    const id = `${base}${n}`;
    if (!used.has(id)) return id;
  }
}

/** A unique variable name with the given stem: `var1`, `var2` … */
export function uniqueName(stem: string, used: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const name = `${stem}${n}`;
    if (!used.has(name)) return name;
  }
}
