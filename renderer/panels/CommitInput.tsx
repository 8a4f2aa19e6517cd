import { useState, type InputHTMLAttributes } from 'react';

type Props = {
  value: string;
  onCommit(v: string): void;
  label: string;
  valid?(v: string): boolean;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'onBlur' | 'onKeyDown'>;

/** A text field that commits on blur / Enter, so typing a name doesn't rename on every key. */
export function CommitInput({ value, onCommit, label, valid, ...rest }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? value;
  const commit = () => {
    if (draft !== null && draft !== value && (!valid || valid(draft))) onCommit(draft);
    setDraft(null);
  };
  return (
    <input
      {...rest}
      value={shown}
      aria-label={label}
      aria-invalid={valid ? !valid(shown) : undefined}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
    />
  );
}
