import { inTx, type AppContext } from '../../context.js';
import { tellAdminsPersonChanged } from '../people/service.js';
import { lockPeopleOfOrg } from '../people/store.js';

/**
 * Admins' open people lists follow SCIM changes through `people.changed`, but not one event per
 * admin per change: a provisioning run creating 50,000 people would write 50,000 events for each
 * admin. The first change tells them at once; changes in the next few seconds are told once at
 * the end of that window. The event is only a prompt to read the list again, so a lost one (the
 * process stopping) costs a refresh, not data.
 */
const WINDOW_MS = 2000;

export class AdminRefresh {
  private readonly last = new Map<string, number>();
  private readonly pending = new Map<string, { personId: string; timer: NodeJS.Timeout }>();
  private readonly inFlight = new Set<Promise<void>>();
  private closed = false;

  constructor(private readonly ctx: AppContext) {}

  /** Called after a SCIM change committed. */
  changed(orgId: string, personId: string): void {
    if (this.closed) return;
    const waiting = this.pending.get(orgId);
    if (waiting) {
      waiting.personId = personId;
      return;
    }
    const since = Date.now() - (this.last.get(orgId) ?? 0);
    if (since >= WINDOW_MS) {
      this.send(orgId, personId);
      return;
    }
    const timer = setTimeout(() => {
      const p = this.pending.get(orgId);
      this.pending.delete(orgId);
      if (p) this.send(orgId, p.personId);
    }, WINDOW_MS - since);
    timer.unref();
    this.pending.set(orgId, { personId, timer });
  }

  private send(orgId: string, personId: string): void {
    this.last.set(orgId, Date.now());
    const sending = inTx(this.ctx, async (trx, afterCommit) => {
      await lockPeopleOfOrg(trx, this.ctx.dialect, orgId);
      await tellAdminsPersonChanged(this.ctx, trx, afterCommit, orgId, personId);
    })
      .catch((err: unknown) => this.ctx.log.warn({ err }, 'could not tell admins of SCIM changes'))
      .finally(() => this.inFlight.delete(sending));
    this.inFlight.add(sending);
  }

  /** Drops what waits and lets what is being written finish (before the database closes). */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.pending.values()) clearTimeout(p.timer);
    this.pending.clear();
    await Promise.all([...this.inFlight]);
  }
}
