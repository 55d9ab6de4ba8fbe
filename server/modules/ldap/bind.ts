import type { AppContext } from '../../context.js';
import type { OrgsTable, PeopleTable } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { normalizeEmail, normalizeUsername } from '../people/store.js';
import { mappingOf, readConfig, serverOf } from './config.js';
import { connect, DirectoryError, filterValue, findDn } from './directory.js';

/**
 * Sign-in with the directory password (when the company turned "sign in with LDAP bind" on).
 * The person is found here by username or e-mail, must be active and linked to a directory entry;
 * their entry is found by its stable key with the service account (so renamed or moved entries
 * still work), then a second connection binds as that entry with the password given.
 *
 * Returns the person when the directory accepts the password; null for an unknown login, a person
 * not linked to the directory or not active, a wrong or empty password, an entry no longer found,
 * or when the company has no directory or has this option off. Throws AppError 503
 * `directory_unavailable` when the directory cannot be reached or the service account is refused,
 * so that an outage is not reported as a wrong password. Rate limits are the caller's.
 */
export async function ldapSignIn(ctx: AppContext, org: OrgsTable, login: string, password: string): Promise<PeopleTable | null> {
  // An empty password would be an anonymous bind, which directories accept.
  if (!password || !login.trim()) return null;
  const config = await readConfig(ctx.db, org.id);
  if (!config || config.sign_in !== 1) return null;
  const person = await ctx.db
    .selectFrom('people')
    .selectAll()
    // The company in each branch, so each uses its unique index (SQLite would scan the company).
    .where((eb) =>
      eb.or([
        eb.and([eb('org_id', '=', org.id), eb('username', '=', normalizeUsername(login))]),
        eb.and([eb('org_id', '=', org.id), eb('email_normalized', '=', normalizeEmail(login))]),
      ]),
    )
    .executeTakeFirst();
  if (!person || person.status !== 'active' || person.is_bot === 1) return null;
  const link = await ctx.db
    .selectFrom('person_links')
    .select('external_key')
    .where('org_id', '=', org.id)
    .where('source', '=', 'ldap')
    .where('person_id', '=', person.id)
    .executeTakeFirst();
  if (!link) return null;

  const server = serverOf(ctx, config);
  const mapping = mappingOf(config);
  let dn: string | null;
  try {
    const service = await connect(server);
    try {
      dn = await findDn(
        service,
        config.base_dn,
        `(&${wrap(config.user_filter)}(${mapping.key}=${filterValue(mapping.key, link.external_key)}))`,
      );
    } finally {
      await service.unbind().catch(() => {});
    }
  } catch (err) {
    if (err instanceof DirectoryError) throw unavailable(err);
    throw err;
  }
  if (!dn) return null;
  try {
    const user = await connect(server, { dn, password });
    await user.unbind().catch(() => {});
    return person;
  } catch (err) {
    if (err instanceof DirectoryError && err.step === 'bind') return null;
    if (err instanceof DirectoryError) throw unavailable(err);
    throw err;
  }
}

const wrap = (filter: string) => (filter.startsWith('(') ? filter : `(${filter})`);

function unavailable(err: DirectoryError): AppError {
  return new AppError(503, 'directory_unavailable', `The company directory cannot be reached for sign-in (${err.step}).`);
}
