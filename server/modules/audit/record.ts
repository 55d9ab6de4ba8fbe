import type { Executor } from '../../db/index.js';
import type { AuditActorKind, PeopleTable } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';

/**
 * The audit log: every identity and administration action is one row, written in the same
 * transaction as the change it records (so a change rolled back leaves no entry, and a committed
 * one always has its entry). Failed sign-ins, which change nothing, are written on their own.
 * `details` are facts, never secrets: no passwords, codes, tokens or keys.
 */
export interface AuditActor {
  kind: AuditActorKind;
  id: string | null;
  label: string;
}

export const personActor = (p: Pick<PeopleTable, 'id' | 'display_name'>): AuditActor => ({
  kind: 'person',
  id: p.id,
  label: p.display_name,
});
export const systemActor = (kind: Exclude<AuditActorKind, 'person'>, label: string, id: string | null = null): AuditActor => ({
  kind,
  id,
  label,
});

export interface AuditTarget {
  kind: string;
  id: string | null;
  label: string | null;
}

export const personTarget = (p: Pick<PeopleTable, 'id' | 'display_name'>): AuditTarget => ({
  kind: 'person',
  id: p.id,
  label: p.display_name,
});

export interface AuditEntryInput {
  orgId: string;
  actor: AuditActor;
  /** `<area>.<what happened>`, e.g. `auth.sign_in_failed`, `person.deactivated`, `scim.token_created`. */
  action: string;
  target?: AuditTarget | null;
  ip?: string | null;
  details?: Record<string, unknown>;
}

export async function recordAudit(db: Executor, e: AuditEntryInput): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: newId(),
      org_id: e.orgId,
      at: Date.now(),
      actor_kind: e.actor.kind,
      actor_id: e.actor.id,
      actor_label: e.actor.label.slice(0, 300),
      action: e.action,
      target_kind: e.target?.kind ?? null,
      target_id: e.target?.id ?? null,
      target_label: e.target?.label?.slice(0, 300) ?? null,
      ip: e.ip ?? null,
      details: JSON.stringify(e.details ?? {}),
    })
    .execute();
}

/** Many entries in few statements (a bulk import writes one per person it creates). */
export async function recordAudits(db: Executor, entries: AuditEntryInput[]): Promise<void> {
  const at = Date.now();
  const rows = entries.map((e) => ({
    id: newId(),
    org_id: e.orgId,
    at,
    actor_kind: e.actor.kind,
    actor_id: e.actor.id,
    actor_label: e.actor.label.slice(0, 300),
    action: e.action,
    target_kind: e.target?.kind ?? null,
    target_id: e.target?.id ?? null,
    target_label: e.target?.label?.slice(0, 300) ?? null,
    ip: e.ip ?? null,
    details: JSON.stringify(e.details ?? {}),
  }));
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('audit_log')
      .values(rows.slice(i, i + 500))
      .execute();
}
