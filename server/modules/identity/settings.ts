import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/index.js';
import type { PeopleTable } from '../../db/schema.js';
import { badInput } from '../../errors.js';
import { DEFAULT_IDENTITY_SETTINGS, identitySettingsSchema, type IdentitySettings } from '../../../protocol/identity.js';
import { inTx } from '../../context.js';
import { personActor, recordAudit } from '../audit/record.js';
import { findPerson } from '../people/store.js';
import { ssoEnabled } from '../sso/index.js';

/** A company's sign-in policy (two-factor, SSO enforcement, working hours, terms), one JSON row. */
export interface StoredIdentitySettings extends IdentitySettings {
  /** Epoch ms of the last change to the terms' text; acceptances before it no longer count. */
  termsUpdatedAt: number | null;
}

const DEFAULTS: StoredIdentitySettings = { ...DEFAULT_IDENTITY_SETTINGS, termsUpdatedAt: null };

export async function readIdentitySettings(db: Executor, orgId: string): Promise<StoredIdentitySettings> {
  const row = await db.selectFrom('identity_settings').select('settings').where('org_id', '=', orgId).executeTakeFirst();
  if (!row) return DEFAULTS;
  const stored = JSON.parse(row.settings) as Partial<StoredIdentitySettings>;
  // Settings added later take their defaults; a damaged value falls back to the default, not a 500.
  const merged = { ...DEFAULT_IDENTITY_SETTINGS, ...stored };
  const { termsUpdatedAt, ...rest } = merged as StoredIdentitySettings;
  const parsed = identitySettingsSchema.safeParse(rest);
  return { ...(parsed.success ? parsed.data : DEFAULT_IDENTITY_SETTINGS), termsUpdatedAt: termsUpdatedAt ?? null };
}

const cache = new WeakMap<AppContext, Map<string, { at: number; value: StoredIdentitySettings }>>();
const CACHE_MS = 10_000;

/** For checks on every request (working hours): read at most every 10 s per process. */
export async function cachedIdentitySettings(ctx: AppContext, orgId: string): Promise<StoredIdentitySettings> {
  let byOrg = cache.get(ctx);
  if (!byOrg) cache.set(ctx, (byOrg = new Map()));
  const hit = byOrg.get(orgId);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
  const value = await readIdentitySettings(ctx.db, orgId);
  byOrg.set(orgId, { at: Date.now(), value });
  return value;
}

export async function updateIdentitySettings(
  ctx: AppContext,
  actor: PeopleTable,
  patch: Partial<IdentitySettings>,
  ip: string,
): Promise<StoredIdentitySettings> {
  const next = await inTx(ctx, async (trx) => {
    const current = await readIdentitySettings(trx, actor.org_id);
    const merged: StoredIdentitySettings = { ...current, ...patch };
    if (patch.terms && patch.terms.text !== current.terms.text) merged.termsUpdatedAt = Date.now();
    if (merged.breakGlassOwnerId) {
      const owner = await findPerson(trx, actor.org_id, merged.breakGlassOwnerId);
      if (!owner || owner.role !== 'owner' || owner.status !== 'active') throw badInput('breakGlassOwnerId', 'must be an active owner');
    }
    // Passwords go off only when there is a way in instead.
    if (patch.enforceSso && !current.enforceSso && !(await ssoEnabled(trx, actor.org_id)))
      throw badInput('enforceSso', 'needs an enabled single sign-on connection first (Admin → Single sign-on)');
    if (merged.enforceSso && !merged.breakGlassOwnerId)
      throw badInput('breakGlassOwnerId', 'must name an owner who can still sign in with a password when SSO is enforced');
    if (merged.workingHours.enabled && merged.workingHours.days.length === 0)
      throw badInput('workingHours', 'needs at least one working day when limited');
    if (merged.workingHours.enabled && merged.workingHours.start === merged.workingHours.end)
      throw badInput('workingHours', 'must start and end at different times');
    const now = Date.now();
    const json = JSON.stringify(merged);
    await trx
      .insertInto('identity_settings')
      .values({ org_id: actor.org_id, settings: json, updated_at: now })
      .onConflict((oc) => oc.column('org_id').doUpdateSet({ settings: json, updated_at: now }))
      .execute();
    const changed = (Object.keys(patch) as Array<keyof IdentitySettings>).filter(
      (k) => JSON.stringify(patch[k]) !== JSON.stringify(current[k]),
    );
    if (changed.length > 0) {
      await recordAudit(trx, {
        orgId: actor.org_id,
        actor: personActor(actor),
        action: 'settings.identity_changed',
        ip,
        // The terms' text can be long; the log says that it changed.
        details: Object.fromEntries(changed.map((k) => [k, k === 'terms' ? { ...merged.terms, text: '(changed)' } : merged[k]])),
      });
    }
    return merged;
  });
  cache.get(ctx)?.delete(actor.org_id);
  return next;
}

/** Whether `now` falls inside the working hours (in their time zone); a span may cross midnight. */
export function withinWorkingHours(hours: IdentitySettings['workingHours'], now = new Date()): boolean {
  if (!hours.enabled) return true;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: hours.timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday'));
  const minutes = Number(get('hour')) * 60 + Number(get('minute'));
  const toMinutes = (hm: string) => Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));
  const start = toMinutes(hours.start);
  const end = toMinutes(hours.end);
  if (start < end) return hours.days.includes(day) && minutes >= start && minutes < end;
  // Overnight shift (22:00–06:00): the evening belongs to today, the early hours to yesterday's shift.
  if (minutes >= start) return hours.days.includes(day);
  return minutes < end && hours.days.includes((day + 6) % 7);
}

/** Terms must be (re-)accepted: never accepted, accepted before the text changed, or too long ago. */
export function termsDue(settings: StoredIdentitySettings, person: Pick<PeopleTable, 'terms_accepted_at'>, now = Date.now()): boolean {
  if (!settings.terms.required) return false;
  const accepted = person.terms_accepted_at === null ? null : Number(person.terms_accepted_at);
  if (accepted === null) return true;
  if (settings.termsUpdatedAt !== null && accepted < settings.termsUpdatedAt) return true;
  if (settings.terms.renewMonths === 0) return false;
  const renewBy = new Date(accepted);
  renewBy.setUTCMonth(renewBy.getUTCMonth() + settings.terms.renewMonths);
  return now >= renewBy.getTime();
}
