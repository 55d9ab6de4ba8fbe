import { request } from 'undici';
import type { Db } from '../../server/db/index.js';
import type { PeopleTable, SessionsTable } from '../../server/db/schema.js';
import { hashToken, newId, newToken } from '../../server/lib/ids.js';
import type { ConversationSpec } from './chat-clients.js';

/**
 * Set-up data for the chat benchmark. People and sessions are written straight into the tables:
 * a thousand invitations and sign-ins would each hash a password with argon2 (minutes on a small
 * machine) and measure nothing of chat. The sessions are real rows with hashed tokens, so every
 * request and socket of the benchmark is authenticated as in production. Conversations are made
 * through the HTTP API; sends and deliveries always go through the API and the websocket.
 */

export const PASSWORD = 'bench password, long enough';

export interface BenchSession {
  token: string;
  csrf: string;
}

export interface BenchPerson {
  id: string;
  sessions: BenchSession[];
}

export interface HttpResult {
  status: number;
  text: string;
  headers: Record<string, string | string[] | undefined>;
}

export async function call(
  port: number,
  host: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<HttpResult> {
  const res = await request(`http://127.0.0.1:${port}${path}`, {
    method,
    headers: { host, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.statusCode, text: await res.body.text(), headers: res.headers };
}

/** Signs a company up through the API (one password hash); returns its slug and id. */
export async function signUp(port: number): Promise<{ slug: string; orgId: string }> {
  const slug = `chat-bench-${Date.now().toString(36)}`;
  const res = await call(port, `localhost:${port}`, 'POST', '/api/v1/orgs', {
    companyName: 'Chat Bench Corporation',
    slug,
    ownerName: 'Bea Bench',
    email: `owner@${slug}.example`,
    password: PASSWORD,
  });
  if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${res.text}`);
  return { slug, orgId: (JSON.parse(res.text) as { org: { id: string } }).org.id };
}

/** The owner plus `count - 1` people like them, each with `sessionsEach` sessions. */
export async function seedPeople(db: Db, orgId: string, count: number, sessionsEach: number): Promise<BenchPerson[]> {
  const owner = await db.selectFrom('people').selectAll().where('org_id', '=', orgId).executeTakeFirstOrThrow();
  const now = Date.now();
  const people: PeopleTable[] = [owner];
  for (let i = 1; i < count; i++) {
    const name = `Bench Person ${i}`;
    const email = `person${i}@bench.example`;
    people.push({
      ...owner,
      id: newId(),
      display_name: name,
      email,
      email_normalized: email,
      role: 'member',
      employee_id: null,
      manager_id: null,
      search_text: `${name.toLowerCase()} ${email}`,
      name_key: name.toLowerCase(),
      created_at: now,
      updated_at: now,
    });
  }
  for (let i = 1; i < people.length; i += 200)
    await db
      .insertInto('people')
      .values(people.slice(i, i + 200))
      .execute();

  const out: BenchPerson[] = people.map((p) => ({ id: p.id, sessions: [] }));
  const rows: SessionsTable[] = [];
  for (const person of out) {
    for (let s = 0; s < sessionsEach; s++) {
      const token = newToken();
      const csrf = newToken(24);
      person.sessions.push({ token, csrf });
      rows.push({
        id: newId(),
        org_id: orgId,
        person_id: person.id,
        token_hash: hashToken(token),
        csrf_token: csrf,
        user_agent: 'chat bench',
        ip: '127.0.0.1',
        created_at: now,
        last_seen_at: now,
        expires_at: now + 7 * 86_400_000,
        revoked_at: null,
      });
    }
  }
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('sessions')
      .values(rows.slice(i, i + 500))
      .execute();
  return out;
}

export const sessionHeaders = (host: string, s: BenchSession): Record<string, string> => ({
  host,
  cookie: `cp_session=${s.token}`,
  'x-csrf-token': s.csrf,
});

/**
 * Realistic conversations over `n` people: a one-to-one for each neighbour pair (i, i+1), groups of
 * 50 over the first half of the company, and everyone in one. Made through the API, `width` at a time.
 */
export async function createConversations(
  port: number,
  host: string,
  people: BenchPerson[],
  opts: { groups: number; groupSize: number },
  width = 16,
): Promise<ConversationSpec[]> {
  const n = people.length;
  const jobs: Array<{ kind: ConversationSpec['kind']; by: number; members: number[]; body: Record<string, unknown> }> = [];
  const idsOf = (members: number[]) => members.map((m) => people[m]!.id);
  const all = [...Array(n).keys()];
  jobs.push({ kind: 'all', by: 0, members: all, body: { kind: 'group', name: 'Everyone', personIds: idsOf(all.slice(1)) } });
  for (let g = 0; g < opts.groups; g++) {
    const members = Array.from({ length: opts.groupSize }, (_, i) => (g * opts.groupSize + i) % n);
    jobs.push({
      kind: 'group',
      by: members[0]!,
      members,
      body: { kind: 'group', name: `Team ${g + 1}`, personIds: idsOf(members.slice(1)) },
    });
  }
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    jobs.push({ kind: 'direct', by: i, members: [i, j], body: { kind: 'direct', personId: people[j]!.id } });
  }
  const out: ConversationSpec[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        const res = await call(port, host, 'POST', '/api/v1/conversations', job.body, sessionHeaders(host, people[job.by]!.sessions[0]!));
        if (res.status !== 201 && res.status !== 200) throw new Error(`conversation not created: ${res.status} ${res.text}`);
        out.push({ id: (JSON.parse(res.text) as { id: string }).id, kind: job.kind, members: job.members });
      }
    }),
  );
  return out;
}
