import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { startServerChild } from './lib/child.js';
import { positive } from './lib/env.js';

export const description = 'provision-import: people imported from a CSV (with managers) through the API, on SQLite and PostgreSQL';

/**
 * Bulk import as an admin does it, against the real server in its own process: a CSV of `people`
 * rows (employee id, name, e-mail for half of them, title, department, location, and a manager
 * from the rows above: a ten-wide org chart), uploaded, mapped, run, and followed by polling the
 * import every 250 ms until it finished. The time is from the upload to the finish; the server
 * writes in batches (IMPORT_BATCH_ROWS) and links managers in a second pass.
 * PostgreSQL: a throw-away database on DATABASE_URL's server (default the local one).
 */
const here = dirname(fileURLToPath(import.meta.url));
const PASSWORD = 'bench password, long enough';

interface Session {
  port: number;
  host: string;
  cookie: string;
  csrf: string;
}

async function http(
  s: Pick<Session, 'port' | 'host'> & Partial<Session>,
  method: string,
  path: string,
  body?: Buffer | string,
  type?: string,
) {
  const headers: Record<string, string> = { host: s.host };
  if (s.cookie) headers.cookie = s.cookie;
  if (s.csrf && method !== 'GET') headers['x-csrf-token'] = s.csrf;
  if (type) headers['content-type'] = type;
  const res = await request(`http://127.0.0.1:${s.port}${path}`, { method: method as 'GET', headers, body });
  const text = await res.body.text();
  return { status: res.statusCode, text, json: () => JSON.parse(text) as any, headers: res.headers };
}

/** Signs a company up and follows the sign-in hand-off, as a browser would; returns the owner's session. */
async function signUp(port: number): Promise<Session> {
  const slug = `import-bench-${Date.now().toString(36)}`;
  const root = { port, host: `localhost:${port}` };
  const made = await http(
    root,
    'POST',
    '/api/v1/orgs',
    JSON.stringify({ companyName: 'Import Bench', slug, ownerName: 'Ivo Importer', email: `owner@${slug}.example`, password: PASSWORD }),
    'application/json',
  );
  if (made.status !== 201) throw new Error(`sign-up failed: ${made.status} ${made.text}`);
  const host = `${slug}.localhost:${port}`;
  const handoff = new URL(made.json().continueUrl as string);
  const hop = await http({ port, host }, 'GET', `${handoff.pathname}${handoff.search}`);
  const setCookie = hop.headers['set-cookie'];
  const cookie = (Array.isArray(setCookie) ? setCookie : [setCookie ?? ''])
    .map((c) => c.split(';')[0])
    .filter(Boolean)
    .join('; ');
  const session = await http({ port, host, cookie }, 'GET', '/api/v1/auth/session');
  return { port, host, cookie, csrf: session.json().csrfToken as string };
}

/** Employee ids P1…Pn; Pi's manager is P⌈(i-1)/10⌉, so managers always come first in the file. */
export function peopleCsv(people: number): string {
  const lines = ['Employee ID,Full name,E-mail,Job title,Department,Manager,Location'];
  const departments = ['Sales', 'Stores', 'Logistics', 'Finance', 'Support', 'Engineering'];
  for (let i = 1; i <= people; i++) {
    const manager = i === 1 ? '' : `P${Math.ceil((i - 1) / 10)}`;
    const email = i % 2 === 0 ? `person${i}@bench.example` : '';
    lines.push(`P${i},Person ${i} Bench,${email},Title ${i % 40},${departments[i % departments.length]},${manager},Site ${i % 25}`);
  }
  return lines.join('\r\n') + '\r\n';
}

export async function runImportBench(opts: {
  dialect: 'sqlite' | 'postgres';
  people: number;
}): Promise<{ seconds: number; perSecond: number }> {
  const databaseUrl = opts.dialect === 'postgres' ? process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres' : '';
  const server = await startServerChild(join(here, 'servers', 'app-server.ts'), { DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' });
  try {
    const s = await signUp(server.port);
    const file = Buffer.from(peopleCsv(opts.people), 'utf8');
    const boundary = `----bench${randomBytes(8).toString('hex')}`;
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="people.csv"\r\nContent-Type: text/csv\r\n\r\n`),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const started = performance.now();
    const up = await http(s, 'POST', '/api/v1/admin/imports', body, `multipart/form-data; boundary=${boundary}`);
    if (up.status !== 201) throw new Error(`upload failed: ${up.status} ${up.text}`);
    const imp = up.json();
    const mapping = { columns: imp.suggested, options: { match: 'employeeId', sendAccess: 'none' } };
    const mapped = await http(s, 'PUT', `/api/v1/admin/imports/${imp.id}/mapping`, JSON.stringify(mapping), 'application/json');
    if (mapped.status !== 200) throw new Error(`mapping failed: ${mapped.status} ${mapped.text}`);
    const run = await http(s, 'POST', `/api/v1/admin/imports/${imp.id}/run`, '{}', 'application/json');
    if (run.status !== 202) throw new Error(`run failed: ${run.status} ${run.text}`);
    for (;;) {
      await new Promise((r) => setTimeout(r, 250));
      const now = (await http(s, 'GET', `/api/v1/admin/imports/${imp.id}`)).json();
      if (now.status === 'failed') throw new Error(`import failed: ${now.error}`);
      if (now.status !== 'finished') continue;
      if (now.counts.create !== opts.people || now.counts.error !== 0) throw new Error(`unexpected counts: ${JSON.stringify(now.counts)}`);
      const seconds = (performance.now() - started) / 1000;
      return { seconds, perSecond: opts.people / seconds };
    }
  } finally {
    await server.stop();
  }
}

export async function run(args: string[]): Promise<void> {
  const people = positive(args[0] ?? process.env.IMPORT_BENCH_PEOPLE, 50_000);
  for (const dialect of ['sqlite', 'postgres'] as const) {
    const r = await runImportBench({ dialect, people });
    console.log(
      `import ${people.toLocaleString('en')} people from CSV on ${dialect}: ${r.seconds.toFixed(1)} s, ${Math.round(r.perSecond).toLocaleString('en')} people/s (target: under 60 s)`,
    );
  }
}
