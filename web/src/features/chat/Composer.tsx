import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CHAT_MESSAGE_MAX_CHARS, TYPING_SEND_INTERVAL_MS, type ChatMessage, type Conversation } from '../../api/chat';
import { uploadAttachment, type Attachment } from '../../api/posts';
import { ErrorAlert } from '../../ui/Alert';
import { Avatar } from '../../ui/Avatar';
import { Button } from '../../ui/Button';
import { errorMessage } from '../../ui/errors';
import { Icon } from '../../ui/icons';
import { Loading } from '../../ui/Loading';
import { sendFrame } from '../../realtime/live';
import { ChosenAttachments, MAX_ATTACHMENTS } from '../posts/AttachmentPicker';
import { useSession } from '../session/SessionContext';

interface ChatPerson {
  id: string;
  displayName: string;
  photoUrl: string | null;
}

interface Props {
  conversation: Conversation;
  title: string;
  /** Who can be mentioned: the conversation's people. */
  people: ChatPerson[];
  replyTo: ChatMessage | null;
  onCancelReply(): void;
  nameOf(id: string): string;
  onSend(input: { body: string; attachments: Attachment[] }): void;
}

/** The "@word" just before the caret, if any. */
function mentionQuery(text: string, caret: number): { start: number; q: string } | null {
  const m = /(^|\s)@([\p{L}\p{N}._'-]{0,40})$/u.exec(text.slice(0, caret));
  if (!m) return null;
  return { start: caret - (m[2]?.length ?? 0) - 1, q: m[2] ?? '' };
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Writes a message: Enter sends (Shift + Enter for a new line), "@" offers the conversation's
 * people and writes `@[Name](person:<id>)`, files are uploaded as soon as they are chosen, and
 * the others are told "typing" at most every TYPING_SEND_INTERVAL_MS.
 */
export function Composer({ conversation, title, people, replyTo, onCancelReply, nameOf, onSend }: Props) {
  const { t } = useTranslation();
  const { person: me } = useSession();
  const id = useId();
  const listId = `${id}-mentions`;
  const box = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState('');
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState(false);
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const lastTyping = useRef(0);

  const typed = mentionQuery(text, caret);
  const options =
    typed && !dismissed ? people.filter((p) => p.id !== me.id && fold(p.displayName).includes(fold(typed.q))).slice(0, 6) : [];
  const open = options.length > 0;
  const current = Math.min(active, options.length - 1);
  const canSend = (text.trim() !== '' || attachments.length > 0) && !uploading && text.length <= CHAT_MESSAGE_MAX_CHARS;

  function pick(p: ChatPerson): void {
    if (!typed) return;
    const before = text.slice(0, typed.start);
    const inserted = `@[${p.displayName.replace(/[[\]\n]/g, ' ')}](person:${p.id}) `;
    const next = before + inserted + text.slice(caret);
    setText(next);
    const at = before.length + inserted.length;
    setCaret(at);
    requestAnimationFrame(() => {
      box.current?.focus();
      box.current?.setSelectionRange(at, at);
    });
  }

  function submit(): void {
    if (!canSend) return;
    onSend({ body: text, attachments });
    setText('');
    setCaret(0);
    setAttachments([]);
    lastTyping.current = 0;
    box.current?.focus();
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>): void {
    if (open) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        setActive((current + (e.key === 'ArrowDown' ? 1 : -1) + options.length) % options.length);
        return;
      }
      const person = options[current];
      if ((e.key === 'Enter' || e.key === 'Tab') && person) {
        e.preventDefault();
        pick(person);
        return;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        setDismissed(true);
        return;
      }
    }
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      submit();
    }
  }

  function onTyping(value: string): void {
    const now = Date.now();
    if (value.trim() === '' || now - lastTyping.current < TYPING_SEND_INTERVAL_MS) return;
    if (sendFrame({ kind: 'typing', conversationId: conversation.id })) lastTyping.current = now;
  }

  async function upload(files: File[]): Promise<void> {
    setUploading(true);
    setUploadError(null);
    try {
      for (const file of files) {
        const added = await uploadAttachment(file);
        setAttachments((list) => [...list, added]);
      }
    } catch (err) {
      setUploadError(err);
    } finally {
      setUploading(false);
    }
  }

  return (
    <form
      className="composer-bar"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {replyTo ? (
        <div className="composer-bar__reply">
          <span className="composer-bar__reply-text">
            <span className="msg__quote-name">{t('chat.replyingTo', { name: nameOf(replyTo.sender.id) })}</span>
            <span className="msg__quote-text">{replyTo.deletedAt ? t('chat.deleted') : replyTo.body.slice(0, 140)}</span>
          </span>
          <button type="button" className="icon-button" aria-label={t('chat.cancelReply')} onClick={onCancelReply}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      ) : null}
      <ChosenAttachments value={attachments} onRemove={(a) => setAttachments((list) => list.filter((x) => x.id !== a.id))} />
      <ErrorAlert message={uploadError ? errorMessage(t, uploadError) : null} />
      <div className="composer-bar__row">
        <input
          id={`${id}-file`}
          type="file"
          multiple
          className="sr-only"
          disabled={uploading || attachments.length >= MAX_ATTACHMENTS}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])].slice(0, MAX_ATTACHMENTS - attachments.length);
            e.target.value = '';
            if (files.length) void upload(files);
          }}
        />
        <label htmlFor={`${id}-file`} className="icon-button composer-bar__attach" title={t('chat.attach')}>
          <Icon name="attach" />
          <span className="sr-only">{t('chat.attach')}</span>
        </label>
        {uploading ? <Loading /> : null}
        <div className="mention-field__box composer-bar__box">
          <label className="sr-only" htmlFor={id}>
            {t('chat.composerLabel', { name: title })}
          </label>
          <textarea
            ref={box}
            id={id}
            className="input input--area composer-bar__input"
            rows={Math.min(6, text.split('\n').length)}
            value={text}
            placeholder={t('chat.composerPlaceholder')}
            aria-autocomplete="list"
            aria-controls={open ? listId : undefined}
            aria-activedescendant={open ? `${listId}-${current}` : undefined}
            onChange={(e) => {
              setText(e.target.value);
              setCaret(e.target.selectionStart);
              setActive(0);
              setDismissed(false);
              onTyping(e.target.value);
            }}
            onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
            onKeyDown={onKeyDown}
            onBlur={() => setDismissed(true)}
          />
          {open ? (
            <ul className="mention-list mention-list--up" id={listId} role="listbox" aria-label={t('chat.mentionSuggestions')}>
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
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        <Button type="submit" disabled={!canSend}>
          {t('chat.send')}
        </Button>
      </div>
    </form>
  );
}
