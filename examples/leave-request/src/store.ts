import type { LeaveAsk } from './parse.js';

/**
 * The bot's own memory: leave requests, and which webhook events it has already handled.
 *
 * Both live in memory (Maps), which is enough for an example and for a small company, with one
 * known limit: a restart forgets open requests. The manager's buttons then answer "ask again"
 * (see bot.ts). A production bot would keep `LeaveBook` in a database; its interface is small on
 * purpose so that swapping it is a local change.
 */

/** `failed`: the manager could not be written to (the requester was told). */
export type LeaveStatus = 'pending' | 'approved' | 'declined' | 'failed';

export interface PersonRef {
  id: string;
  displayName: string;
}

export interface LeaveRequest extends LeaveAsk {
  /** The id of the requester's chat message that asked: unique, and the same on every redelivery. */
  id: string;
  requester: PersonRef;
  /** The requester's one-to-one conversation with the bot, where the answer goes. */
  requesterConversationId: string;
  manager: PersonRef;
  days: number;
  workingDays: number;
  createdAt: string;
  status: LeaveStatus;
  /** The message with the buttons, in the manager's one-to-one conversation with the bot. */
  managerMessageId: string | null;
  decision: { by: PersonRef; at: string; eventId: string } | null;
  /**
   * Steps already done, so an event retried after a failure half-way does the rest only. (Sends
   * are idempotent through their clientKey anyway; the group post has no such key.)
   */
  done: { acknowledged: boolean; messageUpdated: boolean; requesterTold: boolean; summaryPosted: boolean };
}

export class LeaveBook {
  private readonly byId = new Map<string, LeaveRequest>();
  private readonly byManagerMessage = new Map<string, string>();

  get(id: string): LeaveRequest | undefined {
    return this.byId.get(id);
  }

  /** The request whose buttons are on this message. */
  forManagerMessage(messageId: string): LeaveRequest | undefined {
    const id = this.byManagerMessage.get(messageId);
    return id === undefined ? undefined : this.byId.get(id);
  }

  add(request: LeaveRequest): void {
    this.byId.set(request.id, request);
  }

  setManagerMessage(request: LeaveRequest, messageId: string): void {
    request.managerMessageId = messageId;
    this.byManagerMessage.set(messageId, request.id);
  }

  all(): LeaveRequest[] {
    return [...this.byId.values()];
  }
}

/**
 * Runs each webhook event once. Commonplace may deliver an event again (a timeout, an admin's
 * "redeliver"), always with the same id:
 * - an id already handled is skipped;
 * - an id being handled right now (a retry that overtook a slow first attempt) waits for that
 *   attempt and shares its outcome, instead of running side by side with it;
 * - an id whose handling failed is forgotten, so the retry Commonplace sends after our 500 runs again.
 * Handled ids are kept up to `remember` (oldest forgotten first), enough to cover the retry
 * window of any event at a small company's pace.
 */
export class OncePerEvent {
  private readonly handled = new Set<string>();
  private readonly running = new Map<string, Promise<void>>();

  constructor(private readonly remember = 10_000) {}

  run(eventId: string, work: () => Promise<void>): Promise<void> {
    if (this.handled.has(eventId)) return Promise.resolve();
    const already = this.running.get(eventId);
    if (already) return already;
    const attempt = work().then(
      () => {
        this.running.delete(eventId);
        this.handled.add(eventId);
        if (this.handled.size > this.remember) this.handled.delete(this.handled.values().next().value!);
      },
      (error: unknown) => {
        this.running.delete(eventId);
        throw error;
      },
    );
    this.running.set(eventId, attempt);
    return attempt;
  }
}
