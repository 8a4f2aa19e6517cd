import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** An accessible modal: role=dialog, labelled by its title, Escape cancels, focus moves inside. */
export function Modal({ title, onCancel, children, wide }: { title: string; onCancel(): void; children: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const first = ref.current?.querySelector<HTMLElement>('input, select, textarea, button');
    first?.focus();
  }, []);
  return (
    <div className="modal-backdrop nokey">
      <div
        ref={ref}
        className={wide ? 'modal wide' : 'modal'}
        role="dialog"
        aria-modal="true"
        aria-label={title}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onCancel();
          e.stopPropagation();
        }}
      >
        <h2>{title}</h2>
        {children}
      </div>
    </div>
  );
}

/**
 * A dialog's footer: any extra buttons first, then the primary action and Cancel. The primary
 * button submits the dialog's form unless `onPrimary` is given.
 */
export function DialogButtons({
  primary,
  onPrimary,
  disabled,
  onCancel,
  children,
}: {
  primary: string;
  onPrimary?(): void;
  disabled?: boolean;
  onCancel(): void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="buttons">
      {children}
      <button type={onPrimary ? 'button' : 'submit'} className="primary" onClick={onPrimary} disabled={disabled}>
        {primary}
      </button>
      <button type="button" onClick={onCancel}>
        {t('dialogs.cancel')}
      </button>
    </div>
  );
}
