import { createHash, X509Certificate } from 'node:crypto';
import { FilterParser } from 'ldapts';
import type { z } from 'zod';
import {
  ldapMappingSchema,
  type ldapConfigInputSchema,
  PRESET_FILTERS,
  PRESET_MAPPINGS,
  type LdapConfig,
  type LdapMapping,
} from '../../../protocol/ldap.js';
import { inTx, type AppContext } from '../../context.js';
import type { Executor } from '../../db/index.js';
import type { LdapConfigsTable, OrgsTable, PeopleTable } from '../../db/schema.js';
import { badInput, notFound } from '../../errors.js';
import { personActor, recordAudit } from '../audit/record.js';
import { iso } from '../people/present.js';
import type { DirectoryServer } from './directory.js';

/** A company's directory configuration: one row, the bind password sealed with the server's key. */
export type LdapConfigInput = z.output<typeof ldapConfigInputSchema>;

export function readConfig(db: Executor, orgId: string): Promise<LdapConfigsTable | undefined> {
  return db.selectFrom('ldap_configs').selectAll().where('org_id', '=', orgId).executeTakeFirst();
}

export async function requireConfig(db: Executor, orgId: string): Promise<LdapConfigsTable> {
  const row = await readConfig(db, orgId);
  if (!row) throw notFound('No directory is configured for this company.');
  return row;
}

export function mappingOf(row: Pick<LdapConfigsTable, 'mapping'>): LdapMapping {
  return ldapMappingSchema.parse(JSON.parse(row.mapping));
}

export function toConfigView(row: LdapConfigsTable): LdapConfig {
  return {
    url: row.url,
    startTls: row.start_tls === 1,
    caCertificate: row.ca_certificate,
    bindDn: row.bind_dn,
    bindPasswordSet: row.bind_password_enc !== null,
    baseDn: row.base_dn,
    preset: row.preset,
    userFilter: row.user_filter,
    mapping: mappingOf(row),
    scheduleMinutes: row.schedule_minutes,
    signInWithBind: row.sign_in === 1,
    maxDeactivatePercent: row.max_deactivate_percent,
    dryRunDone: row.dry_run_fingerprint === row.fingerprint,
    nextSyncAt: row.next_sync_at === null ? null : iso(row.next_sync_at),
    updatedAt: iso(row.updated_at),
  };
}

/** What the server needs to connect, with the password opened. */
export function serverOf(ctx: AppContext, row: LdapConfigsTable): DirectoryServer {
  return {
    url: row.url,
    startTls: row.start_tls === 1,
    caCertificate: row.ca_certificate,
    bindDn: row.bind_dn,
    bindPassword: row.bind_password_enc ? ctx.secrets.open(row.bind_password_enc) : '',
  };
}

/** What decides which people a run finds and how it reads them: a change needs a new dry run. */
export function fingerprintOf(c: { url: string; bindDn: string; baseDn: string; userFilter: string; mapping: LdapMapping }): string {
  const canonical = JSON.stringify([c.url.toLowerCase().replace(/\/$/, ''), c.bindDn, c.baseDn, c.userFilter, c.mapping]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Checks what the schema cannot: the filter parses, the CA is a certificate, the DNs look like DNs. */
export function checkDirectoryFields(c: {
  userFilter?: string | undefined;
  caCertificate?: string | null | undefined;
  bindDn?: string | undefined;
  baseDn?: string | undefined;
}): void {
  if (c.userFilter !== undefined) {
    try {
      FilterParser.parseString(c.userFilter);
    } catch {
      throw badInput('userFilter', 'is not an LDAP filter, e.g. (objectClass=inetOrgPerson)');
    }
  }
  if (c.caCertificate) {
    try {
      new X509Certificate(c.caCertificate);
    } catch {
      throw badInput('caCertificate', 'is not a PEM certificate (-----BEGIN CERTIFICATE----- …)');
    }
  }
  for (const field of ['bindDn', 'baseDn'] as const) {
    const v = c[field];
    if (v !== undefined && !/^\s*[A-Za-z0-9.-]+\s*=/.test(v)) throw badInput(field, 'is not a DN, e.g. dc=example,dc=com');
  }
}

/** The full configuration with the preset's filter and mapping filled in. */
export function resolvePreset(input: Pick<LdapConfigInput, 'preset' | 'userFilter' | 'mapping'>): {
  userFilter: string;
  mapping: LdapMapping;
} {
  if (input.preset === 'custom') {
    if (!input.mapping) throw badInput('mapping', 'is required with the custom preset');
    if (!input.userFilter) throw badInput('userFilter', 'is required with the custom preset');
    return { userFilter: input.userFilter, mapping: input.mapping };
  }
  return { userFilter: input.userFilter ?? PRESET_FILTERS[input.preset], mapping: input.mapping ?? PRESET_MAPPINGS[input.preset] };
}

export async function saveConfig(
  ctx: AppContext,
  org: OrgsTable,
  actor: PeopleTable,
  input: LdapConfigInput,
  ip: string,
): Promise<LdapConfigsTable> {
  checkDirectoryFields(input);
  const { userFilter, mapping } = resolvePreset(input);
  const fingerprint = fingerprintOf({ url: input.url, bindDn: input.bindDn, baseDn: input.baseDn, userFilter, mapping });
  return inTx(ctx, async (trx) => {
    const current = await readConfig(trx, org.id);
    if (!current && input.bindPassword === undefined) throw badInput('bindPassword', 'is required');
    const now = Date.now();
    const scheduleChanged = !current || current.schedule_minutes !== input.scheduleMinutes;
    const row: LdapConfigsTable = {
      org_id: org.id,
      url: input.url.replace(/\/$/, ''),
      start_tls: input.startTls ? 1 : 0,
      ca_certificate: input.caCertificate?.trim() || null,
      bind_dn: input.bindDn,
      bind_password_enc: input.bindPassword !== undefined ? ctx.secrets.seal(input.bindPassword) : (current?.bind_password_enc ?? null),
      base_dn: input.baseDn,
      preset: input.preset,
      user_filter: userFilter,
      mapping: JSON.stringify(mapping),
      schedule_minutes: input.scheduleMinutes,
      sign_in: input.signInWithBind ? 1 : 0,
      max_deactivate_percent: input.maxDeactivatePercent,
      fingerprint,
      dry_run_fingerprint: current?.dry_run_fingerprint ?? null,
      // A new or changed schedule counts from now; an unchanged one keeps its next time.
      next_sync_at:
        input.scheduleMinutes === 0 ? null : scheduleChanged ? now + input.scheduleMinutes * 60_000 : (current?.next_sync_at ?? null),
      updated_by: actor.id,
      created_at: current?.created_at ?? now,
      updated_at: now,
    };
    const { org_id: _org, created_at: _created, ...changes } = row;
    if (current) await trx.updateTable('ldap_configs').set(changes).where('org_id', '=', org.id).execute();
    else await trx.insertInto('ldap_configs').values(row).execute();
    await recordAudit(trx, {
      orgId: org.id,
      actor: personActor(actor),
      action: current ? 'ldap.config_changed' : 'ldap.config_created',
      target: { kind: 'ldap', id: null, label: row.url },
      ip,
      details: { ...auditView(row), bindPasswordChanged: input.bindPassword !== undefined, changed: changedFields(current, row) },
    });
    return row;
  });
}

/** The configuration as the audit log keeps it: never the password. */
function auditView(row: LdapConfigsTable) {
  return {
    url: row.url,
    startTls: row.start_tls === 1,
    caCertificate: row.ca_certificate !== null,
    bindDn: row.bind_dn,
    baseDn: row.base_dn,
    preset: row.preset,
    userFilter: row.user_filter,
    scheduleMinutes: row.schedule_minutes,
    signInWithBind: row.sign_in === 1,
    maxDeactivatePercent: row.max_deactivate_percent,
  };
}

function changedFields(before: LdapConfigsTable | undefined, after: LdapConfigsTable): string[] {
  if (!before) return [];
  const keys: Array<keyof LdapConfigsTable> = [
    'url',
    'start_tls',
    'ca_certificate',
    'bind_dn',
    'base_dn',
    'preset',
    'user_filter',
    'mapping',
    'schedule_minutes',
    'sign_in',
    'max_deactivate_percent',
  ];
  return keys.filter((k) => before[k] !== after[k]).map(String);
}

export async function deleteConfig(ctx: AppContext, org: OrgsTable, actor: PeopleTable, ip: string): Promise<void> {
  await inTx(ctx, async (trx) => {
    const current = await requireConfig(trx, org.id);
    await trx.deleteFrom('ldap_configs').where('org_id', '=', org.id).execute();
    await recordAudit(trx, {
      orgId: org.id,
      actor: personActor(actor),
      action: 'ldap.config_deleted',
      target: { kind: 'ldap', id: null, label: current.url },
      ip,
    });
  });
}
