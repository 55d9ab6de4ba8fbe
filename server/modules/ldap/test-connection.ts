import { ldapConfigInputSchema, type LdapTestResult } from '../../../protocol/ldap.js';
import type { z } from 'zod';
import type { AppContext } from '../../context.js';
import type { OrgsTable, PeopleTable } from '../../db/schema.js';
import { badInput } from '../../errors.js';
import { personActor, recordAudit } from '../audit/record.js';
import { checkDirectoryFields, mappingOf, readConfig, resolvePreset } from './config.js';
import { connect, DirectoryError, searchPeople } from './directory.js';
import type { ldapTestInputSchema } from '../../../protocol/ldap.js';

/**
 * Connects, binds and reads up to five people with the stored configuration, or with the form's
 * values before they are saved (a password left out is the stored one). The outcome is the
 * answer (200), whether or not the directory could be reached; a malformed value is a 400.
 */
export async function testConnection(
  ctx: AppContext,
  org: OrgsTable,
  actor: PeopleTable,
  input: z.infer<typeof ldapTestInputSchema>,
  ip: string,
): Promise<LdapTestResult> {
  const stored = await readConfig(ctx.db, org.id);
  const presetChanged = input.preset !== undefined && input.preset !== stored?.preset;
  const merged = {
    url: input.url ?? stored?.url,
    startTls: input.startTls ?? stored?.start_tls === 1,
    caCertificate: input.caCertificate !== undefined ? input.caCertificate : (stored?.ca_certificate ?? null),
    bindDn: input.bindDn ?? stored?.bind_dn,
    bindPassword: input.bindPassword ?? (stored?.bind_password_enc ? ctx.secrets.open(stored.bind_password_enc) : undefined),
    baseDn: input.baseDn ?? stored?.base_dn,
    preset: input.preset ?? stored?.preset,
    userFilter: input.userFilter ?? (presetChanged ? undefined : stored?.user_filter),
    mapping: input.mapping ?? (presetChanged || !stored ? undefined : mappingOf(stored)),
  };
  const parsed = ldapConfigInputSchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badInput(issue?.path.join('.') || 'body', issue?.code === 'invalid_type' ? 'is required' : (issue?.message ?? 'is invalid'));
  }
  const c = parsed.data;
  if (c.bindPassword === undefined) throw badInput('bindPassword', 'is required');
  checkDirectoryFields(c);
  const { userFilter, mapping } = resolvePreset(c);

  const started = Date.now();
  let result: LdapTestResult;
  try {
    const client = await connect({
      url: c.url,
      startTls: c.startTls,
      caCertificate: c.caCertificate,
      bindDn: c.bindDn,
      bindPassword: c.bindPassword,
    });
    try {
      const sample = [];
      for await (const page of searchPeople(client, { baseDn: c.baseDn, filter: userFilter, mapping, limit: 5 })) sample.push(...page);
      result = {
        ok: true,
        step: 'search',
        message:
          sample.length > 0
            ? 'Connected, signed in and found people.'
            : 'Connected and signed in, but the filter finds nobody under the base DN.',
        durationMs: Date.now() - started,
        sample: sample.map((e) => ({
          dn: e.dn,
          key: e.key,
          displayName: e.attrs.displayName ?? null,
          username: e.attrs.username ?? null,
          email: e.attrs.email ?? null,
        })),
      };
    } finally {
      await client.unbind().catch(() => {});
    }
  } catch (err) {
    if (!(err instanceof DirectoryError)) throw err;
    result = { ok: false, step: err.step, message: err.message, durationMs: Date.now() - started, sample: [] };
  }
  await recordAudit(ctx.db, {
    orgId: org.id,
    actor: personActor(actor),
    action: 'ldap.connection_tested',
    target: { kind: 'ldap', id: null, label: c.url },
    ip,
    details: { ok: result.ok, step: result.step, url: c.url },
  });
  return result;
}
