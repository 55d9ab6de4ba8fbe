import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchDirectory } from '../../api/people';
import { directoryKey } from '../../api/queryKeys';
import type { Person } from '../../api/types';
import { Avatar } from '../../ui/Avatar';
import { useDebounced } from '../../ui/useDebounced';

interface Props {
  label: string;
  /** Visually hidden label, for short forms whose purpose is plain from the context (a reply box). */
  hideLabel?: boolean;
  value: string;
  onChange(value: string): void;
  /** Ctrl/⌘ + Enter sends the form. */
  onSubmit?(): void;
  error?: string | null;
  hint?: string;
  rows?: number;
  placeholder?: string;
  autoFocus?: boolean;
}

/** The "@word" being typed just before the caret, if any. */
function mentionQuery(text: string, caret: number): { start: number; q: string } | null {
  const m = /(^|\s)@([\p{L}\p{N}._'-]{1,40})$/u.exec(text.slice(0, caret));
  if (!m) return null;
  return { start: caret - (m[2]?.length ?? 0) - 1, q: m[2] ?? '' };
}

/**
 * A Markdown text box where "@name" offers colleagues from the directory; picking one writes
 * `@[Name](person:<id>)`, which the server turns into a link. Arrow keys move through the
 * suggestions, Enter or Tab picks, Escape closes them.
 */
export function MentionTextarea({ label, hideLabel, value, onChange, onSubmit, error, hint, rows = 3, placeholder, autoFocus }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const listId = `${id}-mentions`;
  const ref = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<string | null>(null);
  // A box opened to edit or to reply starts with its caret after the text already there.
  useEffect(() => {
    const el = ref.current;
    if (!autoFocus || !el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
    setCaret(el.value.length);
  }, [autoFocus]);
  const typed = mentionQuery(value, caret);
  const q = useDebounced(typed?.q ?? '', 200);
  const results = useQuery({
    queryKey: [...directoryKey, 'mention', q],
    queryFn: () => fetchDirectory({ q, department: '', location: '' }, undefined, 6),
    enabled: q !== '',
    staleTime: 30_000,
  });
  const options: Person[] = typed && typed.q === q && dismissed !== q ? (results.data?.items ?? []) : [];
  const open = options.length > 0;
  const current = Math.min(active, options.length - 1);

  function pick(person: Person): void {
    if (!typed) return;
    const before = value.slice(0, typed.start);
    const after = value.slice(caret);
    const inserted = `@[${person.displayName.replace(/[[\]\n]/g, ' ')}](person:${person.id}) `;
    onChange(before + inserted + after);
    const at = before.length + inserted.length;
    setCaret(at);
    requestAnimationFrame(() => {
      ref.current?.focus();
      ref.current?.setSelectionRange(at, at);
    });
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>): void {
    if (open) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const step = e.key === 'ArrowDown' ? 1 : -1;
        setActive((current + step + options.length) % options.length);
        return;
      }
      if (e.key === 'Enter' || e.key === 'Tab') {
        const person = options[current];
        if (person) {
          e.preventDefault();
          pick(person);
          return;
        }
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        setDismissed(q);
        return;
      }
    }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && onSubmit) {
      e.preventDefault();
      onSubmit();
    }
  }

  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field mention-field${error ? ' field--invalid' : ''}`}>
      <label className={hideLabel ? 'sr-only' : 'field__label'} htmlFor={id}>
        {label}
      </label>
      <div className="mention-field__box">
        <textarea
          ref={ref}
          id={id}
          className="input input--area"
          rows={rows}
          value={value}
          placeholder={placeholder}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          aria-autocomplete="list"
          aria-controls={open ? listId : undefined}
          aria-activedescendant={open ? `${listId}-${current}` : undefined}
          onChange={(e) => {
            onChange(e.target.value);
            setCaret(e.target.selectionStart);
            setActive(0);
            setDismissed(null);
          }}
          onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
          onKeyDown={onKeyDown}
          onBlur={() => setDismissed(q)}
        />
        {open ? (
          <ul className="mention-list" id={listId} role="listbox" aria-label={t('posts.mentionSuggestions')}>
            {options.map((p, i) => (
              <li
                key={p.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === current}
                className="mention-list__item"
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(p);
                }}
              >
                <Avatar name={p.displayName} photoUrl={p.photoUrl} size="sm" />
                <span>{p.displayName}</span>
                {p.title ? <span className="identity__meta">{p.title}</span> : null}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {hint ? (
        <div className="field__hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <div className="field__error" id={`${id}-error`}>
          {error}
        </div>
      ) : null}
    </div>
  );
}
