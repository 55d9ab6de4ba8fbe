import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../protocol/chat.js';
import { contiguousTop, mergeMessages } from '../web/src/features/chat/messageList.js';

const message = (seq: number, over: Partial<ChatMessage> = {}): ChatMessage => ({
  id: `m${seq}`,
  conversationId: 'c1',
  seq,
  kind: 'text',
  sender: { id: 'p1', displayName: 'Anna', photoUrl: null, deactivated: false, isBot: false },
  body: `Message ${seq}`,
  html: `<p>Message ${seq}</p>`,
  clientKey: `key-${seq}-000000`,
  replyTo: null,
  attachments: [],
  post: null,
  reactions: [],
  mentions: [],
  system: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  editedAt: null,
  deletedAt: null,
  blocks: null,
  call: null,
  ...over,
});

/** The web app's history of a conversation: what the device shows, whatever order copies arrive in. */
describe('a conversation history on a device', () => {
  it('shows each message once, in seq order, however often and in whatever order it arrives (event, send answer, catch-up page)', () => {
    let list = mergeMessages(undefined, [message(3), message(1)], true);
    list = mergeMessages(list, [message(2), message(3)]);
    list = mergeMessages(list, [message(3), message(4), message(2)]);
    expect(list.items.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    expect(list.hasOlder).toBe(true);
  });

  it('takes the later copy of a message (an edit, a reaction) but never brings a deleted one back', () => {
    let list = mergeMessages(undefined, [message(1)]);
    list = mergeMessages(list, [message(1, { reactions: [{ kind: 'like', personIds: ['p2'] }] })]);
    expect(list.items[0]?.reactions).toEqual([{ kind: 'like', personIds: ['p2'] }]);
    const quote = { id: 'm1', seq: 1, senderId: 'p1', senderName: 'Anna', excerpt: 'Message 1', deleted: false };
    list = mergeMessages(list, [message(2, { replyTo: quote })]);
    list = mergeMessages(list, [message(1, { body: '', html: '', deletedAt: '2026-01-01T00:02:00.000Z' })]);
    // A page read before the deletion, arriving late.
    list = mergeMessages(list, [message(1)]);
    expect(list.items[0]?.deletedAt).not.toBeNull();
    // The reply quoting it says so too.
    expect(list.items[1]?.replyTo).toMatchObject({ deleted: true, excerpt: null });
  });

  it('catches up from the end of the unbroken run, so a message missed between two live ones is read again', () => {
    expect(contiguousTop(mergeMessages(undefined, []))).toBe(0);
    expect(contiguousTop(mergeMessages(undefined, [message(5), message(6), message(7)]))).toBe(7);
    expect(contiguousTop(mergeMessages(undefined, [message(5), message(6), message(9)]))).toBe(6);
  });
});
