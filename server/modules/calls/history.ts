import type { CallSummary } from '../../../protocol/calls.js';
import type { ChatMessage } from '../../../protocol/chat.js';
import type { AppContext } from '../../context.js';
import type { Trx } from '../../db/index.js';
import type { CallsTable, ConversationsTable } from '../../db/schema.js';
import type { AfterCommit } from '../../db/tx.js';
import { publishToPeople } from '../../realtime/publish.js';
import { appendMessage } from '../chat/append.js';
import { presentMessage } from '../chat/message-present.js';

/**
 * A call's place in the conversation's history: one system message (action 'call'), written when
 * the call starts and kept in step as it is answered and ends, so the history shows "missed video
 * call" or "audio call, 4 min" where the call happened. It keeps its seq; a change is a
 * `chat.message.updated` like an edit.
 */

export function summaryOf(call: CallsTable): CallSummary {
  const answered = call.answered_at === null ? null : Number(call.answered_at);
  const ended = call.ended_at === null ? null : Number(call.ended_at);
  return {
    callId: call.id,
    media: call.media,
    state: call.state,
    outcome: call.outcome,
    durationS: answered !== null && ended !== null ? Math.round((ended - answered) / 1000) : null,
  };
}

function systemJson(call: CallsTable): string {
  return JSON.stringify({ action: 'call', personIds: [call.started_by], name: null, call: summaryOf(call) });
}

export async function startHistory(
  ctx: AppContext,
  trx: Trx,
  afterCommit: AfterCommit,
  conv: ConversationsTable,
  call: CallsTable,
): Promise<string> {
  const { row } = await appendMessage(
    ctx,
    trx,
    afterCommit,
    conv,
    {
      kind: 'system',
      sender_id: call.started_by,
      client_key: null,
      body: '',
      body_html: '',
      mentions: '[]',
      system: systemJson(call),
      reply_to_id: null,
      post_id: null,
      blocks: null,
    },
    (t, r) => presentMessage(t, r),
  );
  return row.id;
}

/** Writes the call's summary into its history message when it changed (answered, ended), and tells the participants. */
export async function updateHistory(
  ctx: AppContext,
  trx: Trx,
  afterCommit: AfterCommit,
  conv: ConversationsTable,
  call: CallsTable,
  /** The conversation's participants, already read by the caller for the call's own event. */
  participants: string[],
): Promise<void> {
  if (!call.message_id) return;
  const next = systemJson(call);
  const row = await trx.selectFrom('chat_messages').selectAll().where('id', '=', call.message_id).executeTakeFirst();
  if (!row || row.system === next) return;
  await trx.updateTable('chat_messages').set({ system: next }).where('id', '=', row.id).execute();
  const message: ChatMessage = await presentMessage(trx, { ...row, system: next });
  await publishToPeople(trx, afterCommit, ctx.bus, conv.org_id, participants, 'chat.message.updated', {
    conversationId: conv.id,
    message,
  });
}
