import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { fieldErrors, formError } from '../../ui/errors';
import { MentionTextarea } from './MentionTextarea';

interface Props {
  label: string;
  hideLabel?: boolean;
  initial?: string;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  placeholder?: string;
  autoFocus?: boolean;
  rows?: number;
  withHint?: boolean;
  /** Resolves true when sent, so the text box empties (a new post) or closes (an edit). */
  onSubmit(body: string): Promise<boolean>;
  onCancel?(): void;
  /** More of the form, between the text box and its buttons (a new post's attachments). */
  children?: ReactNode;
  /** Inputs that show their own server errors (the rest goes in the form's message). */
  knownFields?: readonly string[];
  /** Sending waits while this is false (an upload still running). */
  ready?: boolean;
  /** An empty text may be sent (a post of photos alone). */
  allowEmpty?: boolean;
}

/** A Markdown box with mentions and its buttons: writing a post, a comment, a reply, or editing one. */
export function BodyForm(props: Props) {
  const {
    label,
    hideLabel,
    initial = '',
    submitLabel,
    busy,
    error,
    placeholder,
    autoFocus,
    rows,
    withHint,
    onSubmit,
    onCancel,
    children,
  } = props;
  const ready = props.ready ?? true;
  const { t } = useTranslation();
  const [body, setBody] = useState(initial);
  const empty = body.trim() === '' && !props.allowEmpty;
  const send = async () => {
    if (busy || !ready || empty) return;
    if (await onSubmit(body)) setBody('');
  };
  return (
    <form
      className="body-form"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <MentionTextarea
        label={label}
        hideLabel={hideLabel}
        value={body}
        onChange={setBody}
        onSubmit={() => void send()}
        error={fieldErrors(t, error).body}
        hint={withHint ? t('posts.markdownHint') : undefined}
        placeholder={placeholder}
        autoFocus={autoFocus}
        rows={rows}
      />
      {children}
      <ErrorAlert message={formError(t, error, props.knownFields ?? ['body'])} />
      <div className="body-form__actions">
        {onCancel ? (
          <Button variant="secondary" small onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        ) : null}
        <Button type="submit" small busy={busy} disabled={empty || !ready}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
