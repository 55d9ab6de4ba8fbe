import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlockActionInput, PresentedBlock } from '../../../../protocol/blocks';
import { Button } from '../../ui/Button';
import { ErrorAlert } from '../../ui/Alert';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { errorMessage, fieldErrors } from '../../ui/errors';
import { RenderedBody } from '../posts/RenderedBody';

type FormBlock = Extract<PresentedBlock, { type: 'form' }>;

interface BlocksViewProps {
  blocks: PresentedBlock[];
  /** Sends an action to the server, which passes it to the bot; the message then changes live. */
  onAction(input: BlockActionInput): Promise<unknown>;
  /** Whose message this is, for the names of controls ("Approve, in Leave bot's message"). */
  label: string;
}

/**
 * A bot's interactive blocks on a message or post. Acting sends the action and waits for the
 * server's answer; what happens next is the bot's: it usually replaces the blocks (the message is
 * updated for everyone, live) or writes to the person privately.
 */
export function BlocksView({ blocks, onAction, label }: BlocksViewProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  async function act(input: BlockActionInput): Promise<boolean> {
    setBusy(input.actionId);
    setError(null);
    try {
      await onAction(input);
      setDone(input.actionId);
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="blocks" role="group" aria-label={label}>
      {blocks.map((b, i) => {
        switch (b.type) {
          case 'text':
            return <RenderedBody key={i} html={b.html} className="blocks__text" />;
          case 'context':
            return (
              <p key={i} className="blocks__context muted">
                {b.text}
              </p>
            );
          case 'divider':
            return <hr key={i} className="blocks__divider" />;
          case 'fields':
            return (
              <dl key={i} className="blocks__fields">
                {b.fields.map((f, j) => (
                  <div key={j} className="blocks__field">
                    <dt>{f.label}</dt>
                    <dd>{f.value}</dd>
                  </div>
                ))}
              </dl>
            );
          case 'actions':
            return (
              <div key={i} className="blocks__actions">
                {b.elements.map((e) =>
                  e.type === 'button' ? (
                    <Button
                      key={e.actionId}
                      small
                      variant={e.style === 'danger' ? 'danger' : e.style === 'primary' ? 'primary' : 'secondary'}
                      busy={busy === e.actionId}
                      disabled={busy !== null}
                      onClick={() => void act({ actionId: e.actionId })}
                    >
                      {e.label}
                    </Button>
                  ) : (
                    <SelectField
                      key={e.actionId}
                      label={e.placeholder ?? t('blocks.choose')}
                      defaultValue={e.initial ?? ''}
                      disabled={busy !== null}
                      options={[{ value: '', label: e.placeholder ?? t('blocks.choose') }, ...e.options]}
                      onChange={(ev) => {
                        if (ev.target.value) void act({ actionId: e.actionId, value: ev.target.value });
                      }}
                    />
                  ),
                )}
              </div>
            );
          case 'form':
            return <BlockForm key={i} block={b} busy={busy === b.actionId} disabled={busy !== null} onSubmit={act} />;
          default:
            return null;
        }
      })}
      {error ? <ErrorAlert message={fieldErrors(t, error).actionId ?? errorMessage(t, error)} /> : null}
      {done && !error ? (
        <p className="blocks__sent muted" role="status">
          {t('blocks.sent')}
        </p>
      ) : null}
    </div>
  );
}

function BlockForm({
  block,
  busy,
  disabled,
  onSubmit,
}: {
  block: FormBlock;
  busy: boolean;
  disabled: boolean;
  onSubmit(input: BlockActionInput): Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (name: string) => (v: string) => setValues((old) => ({ ...old, [name]: v }));

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    const missing: Record<string, string> = {};
    for (const f of block.fields) if (f.required && !(values[f.name] ?? '').trim()) missing[f.name] = t('validation.required');
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    if (await onSubmit({ actionId: block.actionId, values })) setValues({});
  }

  return (
    <form className="blocks__form form" onSubmit={(e) => void submit(e)} noValidate>
      {block.title ? <p className="blocks__form-title">{block.title}</p> : null}
      {block.fields.map((f) => {
        const common = { label: f.label, error: errors[f.name], required: f.required, disabled, value: values[f.name] ?? '' };
        if (f.kind === 'textarea')
          return <TextAreaField key={f.name} {...common} maxLength={f.maxLength} onChange={(e) => set(f.name)(e.target.value)} />;
        if (f.kind === 'select')
          return (
            <SelectField
              key={f.name}
              {...common}
              options={[{ value: '', label: f.placeholder ?? t('blocks.choose') }, ...(f.options ?? [])]}
              onChange={(e) => set(f.name)(e.target.value)}
            />
          );
        return (
          <TextField
            key={f.name}
            {...common}
            type={f.kind === 'date' ? 'date' : 'text'}
            placeholder={f.placeholder}
            maxLength={f.maxLength}
            onChange={(e) => set(f.name)(e.target.value)}
          />
        );
      })}
      <div className="actions">
        <Button type="submit" small busy={busy} disabled={disabled}>
          {block.submitLabel}
        </Button>
      </div>
    </form>
  );
}
