import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SCOPES, WEBHOOK_EVENTS, type Scope, type WebhookEventType } from '../../../api/integrations';

interface ChoicesProps<T extends string> {
  legend: string;
  hint?: string;
  options: readonly T[];
  label(value: T): string;
  explain(value: T): string;
  selected: readonly T[];
  onChange(next: T[]): void;
  error?: string;
  disabled?: boolean;
  /** The section's heading already says it (read out still, for the group). */
  legendHidden?: boolean;
}

/** Checkboxes with a plain-language line under each, in a fieldset whose hint and error the group names. */
function Choices<T extends string>({
  legend,
  hint,
  options,
  label,
  explain,
  selected,
  onChange,
  error,
  disabled,
  legendHidden,
}: ChoicesProps<T>) {
  const id = useId();
  const toggle = (value: T, on: boolean) => onChange(options.filter((o) => (o === value ? on : selected.includes(o))));
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={`choice-group integ-choices${error ? ' field--invalid' : ''}`} aria-describedby={describedBy}>
      <legend className={legendHidden ? 'sr-only' : 'field__label'}>{legend}</legend>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <div className="integ-choices__grid">
        {options.map((value) => (
          <label key={value} className="choice">
            <input
              type="checkbox"
              value={value}
              checked={selected.includes(value)}
              disabled={disabled}
              aria-invalid={error ? true : undefined}
              onChange={(e) => toggle(value, e.target.checked)}
            />
            <span className="choice__text">
              <span className="choice__label">{label(value)}</span>
              <span className="choice__hint">{explain(value)}</span>
            </span>
          </label>
        ))}
      </div>
      {error ? (
        <div className="field__error" id={`${id}-error`}>
          {error}
        </div>
      ) : null}
    </fieldset>
  );
}

const scopeKey = (s: Scope) => s.replace(':', '_') as 'groups_read';
const eventKey = (e: WebhookEventType) => e.replace('.', '_') as 'post_created';

/** What an integration's tokens may do. */
export function ScopeChoices(props: {
  selected: readonly Scope[];
  onChange(next: Scope[]): void;
  error?: string;
  disabled?: boolean;
  legendHidden?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Choices
      legend={t('integrations.scopes.legend')}
      hint={t('integrations.scopes.hint')}
      options={SCOPES}
      label={(s) => t(`integrations.scopes.${scopeKey(s)}.label`)}
      explain={(s) => t(`integrations.scopes.${scopeKey(s)}.hint`)}
      {...props}
    />
  );
}

/** The events a webhook is sent. */
export function EventChoices(props: { selected: readonly WebhookEventType[]; onChange(next: WebhookEventType[]): void; error?: string }) {
  const { t } = useTranslation();
  return (
    <Choices
      legend={t('integrations.events.legend')}
      hint={t('integrations.events.hint')}
      options={WEBHOOK_EVENTS}
      label={(e) => t(`integrations.events.${eventKey(e)}.label`)}
      explain={(e) => t(`integrations.events.${eventKey(e)}.hint`)}
      {...props}
    />
  );
}

/** Short names of scopes and event types, in the person's language (an unknown event type as it is). */
export function useLabels() {
  const { t } = useTranslation();
  return {
    scope: (s: Scope) => t(`integrations.scopes.${scopeKey(s)}.label`),
    event: (e: string) =>
      (WEBHOOK_EVENTS as readonly string[]).includes(e) ? t(`integrations.events.${eventKey(e as WebhookEventType)}.label`) : e,
  };
}
