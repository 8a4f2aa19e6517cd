import { memo, useMemo, useState, type CSSProperties, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesigner } from '../store/index.js';
import { currentLang, localized } from '../i18n/index.js';
import { PALETTE_MIME } from '../canvas/canvasHandlers.js';
import { addBlockAt } from '../actions/editing.js';
import type { BlockMeta } from '../model/types.js';
import { blockIcon, categoryIcon, toneFor } from '../canvas/look.js';

function onDragStart(event: DragEvent, type: string): void {
  event.dataTransfer.setData(PALETTE_MIME, type);
  event.dataTransfer.effectAllowed = 'copy';
}

/** Blocks by category with search; drag one onto the canvas (or press Enter to add it). */
export const Palette = memo(function Palette() {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.language);
  const list = useDesigner((s) => s.catalogList);
  const hasDoc = useDesigner((s) => !!s.active);
  const theme = useDesigner((s) => s.theme);
  const [query, setQuery] = useState('');
  const groups = useMemo(() => {
    const q = query.trim().toLowerCase();
    const byCategory = new Map<string, BlockMeta[]>();
    for (const meta of list) {
      const text = `${meta.type} ${meta.title.en} ${meta.title.ru}`.toLowerCase();
      if (q && !text.includes(q)) continue;
      byCategory.set(meta.category, [...(byCategory.get(meta.category) ?? []), meta]);
    }
    return [...byCategory.entries()];
  }, [list, query]);

  return (
    <section className="palette panel" aria-label={t('palette.title')}>
      <h2>{t('palette.title')}</h2>
      <input
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder={t('palette.search')}
        aria-label={t('palette.search')}
      />
      <div className="palette-list">
        {groups.map(([category, metas]) => {
          const CategoryIcon = categoryIcon(category);
          // The category's colour for its heading and entries, the same as on its canvas blocks.
          const tone = { '--cat': toneFor(category, theme) } as CSSProperties;
          return (
            <details key={category} open={!!query || category === 'core'} style={tone}>
              <summary>
                <span className="cat-icon" aria-hidden="true">
                  <CategoryIcon size={12} strokeWidth={2.5} />
                </span>
                {t(`categories.${category}`, { defaultValue: category })}
              </summary>
              <ul>
                {metas.map((meta) => {
                  const title = localized(meta.title, lang);
                  const Icon = blockIcon(meta.type, meta.category);
                  return (
                    <li
                      key={meta.type}
                      className={`palette-item cat-${meta.category}`}
                      draggable={hasDoc}
                      onDragStart={(e) => onDragStart(e, meta.type)}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter' && hasDoc) addBlockAt(meta.type, [0, 0]);
                      }}
                      tabIndex={0}
                      role="button"
                      aria-label={t('palette.add', { title })}
                      title={localized(meta.help, lang)}
                      data-testid={`palette-${meta.type}`}
                    >
                      <Icon size={14} aria-hidden="true" />
                      {title}
                    </li>
                  );
                })}
              </ul>
            </details>
          );
        })}
      </div>
    </section>
  );
});
