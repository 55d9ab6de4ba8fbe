import { faker as seededPicker } from '@faker-js/faker';
import { sql } from 'kysely';
import { loadConfig, type Config } from '../server/config.js';
import { migrateToLatest, openDatabase, type Db, type Trx } from '../server/db/index.js';
import type { PeopleTable, Role } from '../server/db/schema.js';
import { newId } from '../server/lib/ids.js';
import { foldForSearch } from '../server/lib/text.js';
import { PublicUrls } from '../server/lib/urls.js';
import { hashPassword } from '../server/modules/accounts/passwords.js';
import { addMember, createCompanyWideGroup } from '../server/modules/groups/store.js';
import { insertPerson, updatePerson } from '../server/modules/people/store.js';
import { DEPARTMENTS, GUEST_TITLES, ORIGINS, type Origin } from './demo-data.js';
import { fillChat, type ChatSummary } from './demo-chat.js';
import { fillSocial, type SocialSummary } from './demo-social.js';

/**
 * `npm run demo`: (re)creates the demo company `acme` with about 200 people, groups, posts, comments and reactions in the configured
 * database (DATA_DIR / DATABASE_URL, as the server reads them). Idempotent: an existing `acme`
 * keeps its id but loses everything it had, and gets the same people again (fixed seed).
 * Safe while the server runs on the same SQLite file (WAL; one short write transaction).
 */

const SLUG = 'acme';
const COMPANY = 'Acme Corporation';
const DOMAIN = 'acme.example';
const OWNER_EMAIL = `owner@${DOMAIN}`;
const PASSWORD = 'acme-demo-password';
const SEED = 20_240_501;
const ADMIN_TITLES = ['Head of Operations', 'Head of People', 'IT Manager'];
const DEACTIVATED = 6;

interface DemoPerson {
  displayName: string;
  email: string;
  role: Role;
  title: string | null;
  department: string | null;
  locale: 'en' | 'fr' | null;
  deactivated: boolean;
}

/** "Élodie Müller-Łukasz" → "elodie.muller-lukasz"; empty for names without Latin letters. */
function mailLocalPart(first: string, last: string): string {
  const clean = (s: string) => foldForSearch(s.replace(/ı/g, 'i')).replace(/[^a-z0-9-]+/g, '');
  const f = clean(first);
  const l = clean(last);
  return f && l ? `${f}.${l}` : f || l;
}

function makeName(origin: Origin): { first: string; last: string } {
  const sex = origin.faker.person.sexType();
  return { first: origin.faker.person.firstName(sex), last: origin.faker.person.lastName(sex) };
}

/** The same 200 people every time: every faker instance is seeded before use. */
function planPeople(): DemoPerson[] {
  seededPicker.seed(SEED);
  ORIGINS.forEach((o, i) => o.faker.seed(SEED + i + 1));
  const origins = seededPicker.helpers.shuffle(ORIGINS.flatMap((o) => Array.from({ length: o.weight }, () => o)));
  const used = new Set<string>([OWNER_EMAIL]);
  let n = 0;
  const person = (role: Role, title: string | null, department: string | null, domain = DOMAIN): DemoPerson => {
    const origin = origins[n % origins.length] ?? ORIGINS[0]!;
    n += 1;
    const { first, last } = makeName(origin);
    const base = mailLocalPart(first, last) || `employee${String(n).padStart(3, '0')}`;
    let local = base;
    for (let i = 2; used.has(`${local}@${domain}`); i++) local = `${base}${i}`;
    used.add(`${local}@${domain}`);
    return {
      displayName: `${first} ${last}`,
      email: `${local}@${domain}`,
      role,
      title,
      department,
      locale: origin.locale,
      deactivated: false,
    };
  };

  const owner = { ...person('owner', 'Chief Executive Officer', 'Executive Office'), email: OWNER_EMAIL, locale: 'en' as const };
  const people: DemoPerson[] = [owner];
  for (const d of DEPARTMENTS) {
    const titles = [d.head, ...d.managers];
    for (let i = 0; i < d.size; i++) {
      const title = titles[i] ?? seededPicker.helpers.arrayElement(d.staff);
      people.push(person(ADMIN_TITLES.includes(title) ? 'admin' : 'member', title, d.name));
    }
  }
  for (const title of GUEST_TITLES) {
    // Guests work for other firms, and have their addresses.
    const firm = seededPicker.company.name();
    const firmDomain = `${foldForSearch(firm)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')}.example`;
    people.push(person('guest', `${title}, ${firm}`, null, firmDomain));
  }
  // A few people who left: plain members, never heads or managers.
  const leavers = seededPicker.helpers.arrayElements(
    people.filter((p) => p.role === 'member' && !DEPARTMENTS.some((d) => d.head === p.title || d.managers.includes(p.title ?? ''))),
    DEACTIVATED,
  );
  for (const p of leavers) p.deactivated = true;
  return people;
}

/**
 * Deletes every row of the company except the company itself, in whatever order the foreign keys
 * allow: tables are found by their org_id column, so tables added later are covered too. A delete
 * refused by a reference is retried after the others (each attempt in a savepoint, which
 * PostgreSQL needs to go on after an error).
 */
async function emptyCompany(trx: Trx, orgId: string): Promise<void> {
  // Through the transaction: SQLite has one connection, which the transaction holds.
  const tables = (await trx.introspection.getTables())
    .filter((t) => !t.isView && t.name !== 'orgs' && t.columns.some((c) => c.name === 'org_id'))
    .map((t) => t.name);
  // Rows that belong to the company through a parent rather than an org_id column of their own.
  await sql`delete from notification_actors where notification_id in (select id from notifications where org_id = ${orgId})`.execute(trx);
  let remaining = tables;
  while (remaining.length > 0) {
    const refused: string[] = [];
    let lastError: unknown;
    for (const table of remaining) {
      await sql`savepoint demo_delete`.execute(trx);
      try {
        await sql`delete from ${sql.table(table)} where org_id = ${orgId}`.execute(trx);
        await sql`release savepoint demo_delete`.execute(trx);
      } catch (err) {
        await sql`rollback to savepoint demo_delete`.execute(trx);
        await sql`release savepoint demo_delete`.execute(trx);
        refused.push(table);
        lastError = err;
      }
    }
    if (refused.length === remaining.length) {
      throw new Error(`could not empty ${refused.join(', ')} of the old ${SLUG}: ${String(lastError)}`);
    }
    remaining = refused;
  }
}

async function createDemo(
  db: Db,
  people: DemoPerson[],
  passwordHash: string,
): Promise<{ rows: PeopleTable[]; social: SocialSummary; chat: ChatSummary }> {
  return db.transaction().execute(async (trx) => {
    // Write first: on SQLite this takes the write lock before the transaction reads anything, so a
    // running server's writes wait for us (busy_timeout) instead of failing us with a stale snapshot.
    await trx.updateTable('orgs').set({ name: COMPANY }).where('slug', '=', SLUG).execute();
    const existing = await trx.selectFrom('orgs').select('id').where('slug', '=', SLUG).executeTakeFirst();
    const orgId = existing?.id ?? newId();
    if (existing) await emptyCompany(trx, orgId);
    else await trx.insertInto('orgs').values({ id: orgId, slug: SLUG, name: COMPANY, created_at: Date.now() }).execute();

    const rows: PeopleTable[] = [];
    for (const p of people) {
      let row = await insertPerson(trx, {
        orgId,
        displayName: p.displayName,
        email: p.email,
        role: p.role,
        locale: p.locale,
        title: p.title,
        department: p.department,
      });
      if (p.deactivated) row = await updatePerson(trx, row, { status: 'deactivated' });
      rows.push(row);
    }
    // Everyone is in the company-wide group, as sign-up and invitations arrange for real companies.
    const owner = rows.find((r) => r.role === 'owner');
    let everyoneId: string | null = null;
    if (owner) {
      const everyone = await createCompanyWideGroup(trx, orgId, owner.id);
      everyoneId = everyone.id;
      for (const r of rows) if (r.id !== owner.id) await addMember(trx, orgId, everyone.id, r.id, 'member');
    }
    // One argon2 hash for everyone: hashing 200 times would take most of a minute.
    const now = Date.now();
    const credentials = rows.map((r) => ({
      id: newId(),
      org_id: orgId,
      person_id: r.id,
      kind: 'password' as const,
      secret_hash: passwordHash,
      created_at: now,
      updated_at: now,
    }));
    for (let i = 0; i < credentials.length; i += 50) {
      await trx
        .insertInto('credentials')
        .values(credentials.slice(i, i + 50))
        .execute();
    }
    const social = await fillSocial(trx, seededPicker, orgId, rows);
    const linked = everyoneId ? { id: everyoneId, members: rows.filter((r) => r.status === 'active') } : null;
    const chat = await fillChat(trx, seededPicker, orgId, rows, linked);
    return { rows, social, chat };
  });
}

function companyUrl(config: Config): string {
  return new PublicUrls(config).org(SLUG).replace(/\/$/, '');
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  const started = Date.now();
  const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(database.db);
    const people = planPeople();
    const passwordHash = await hashPassword(PASSWORD);
    const { rows, social, chat } = await createDemo(database.db, people, passwordHash);

    const count = (pred: (p: PeopleTable) => boolean) => rows.filter(pred).length;
    const staffTitles = new Set(DEPARTMENTS.flatMap((d) => d.staff));
    const member = rows.find((p) => p.role === 'member' && p.status === 'active' && staffTitles.has(p.title ?? ''));
    const where = database.dialect === 'sqlite' ? `SQLite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
    console.log(`${COMPANY} (${SLUG}) is ready in ${where}, made in ${((Date.now() - started) / 1000).toFixed(1)} s:`);
    console.log(
      `  ${rows.length} people in ${DEPARTMENTS.length} departments: 1 owner, ${count((p) => p.role === 'admin')} admins, ` +
        `${count((p) => p.role === 'member')} members, ${count((p) => p.role === 'guest')} guests; ${count((p) => p.status === 'deactivated')} deactivated`,
    );
    console.log(
      `  ${social.groups} groups (open, closed, secret) besides Announcements; ${social.posts} posts with ${social.comments} comments, ` +
        `${social.reactions} reactions, ${social.polls} polls, ${social.events} events and an announcement; ${social.follows} follows`,
    );
    console.log(`  ${chat.conversations} chat conversations with ${chat.messages} messages (some unread for the owner)`);
    console.log('');
    console.log(`  Open      ${companyUrl(config)}`);
    console.log(`  Owner     ${OWNER_EMAIL}  password: ${PASSWORD}`);
    if (member) console.log(`  Member    ${member.email}  (${member.display_name}, ${member.title}; same password)`);
    console.log('  Everyone has the same password.');
    console.log('');
    console.log('Start the server with npm start (if it is not running yet).');
  } finally {
    await database.close();
  }
}

let finished = false;
// A promise that can never settle (e.g. waiting for a connection that a transaction holds) would
// otherwise end the process quietly with status 0.
process.on('exit', (code) => {
  if (!finished && code === 0) {
    console.error('The demo stopped before it finished.');
    process.exitCode = 1;
  }
});
main().then(
  () => {
    finished = true;
  },
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
