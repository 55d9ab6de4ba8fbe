import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './support/databases.js';
import { startTestServer, type TestServer } from './support/server.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Runs `npm run demo`'s script against the server's own database, as a newcomer would. */
function runDemo(t: TestServer): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const env: Record<string, string | undefined> = { ...process.env, DATA_DIR: t.dataDir, DATABASE_URL: t.databaseUrl, LOG_LEVEL: 'warn' };
    if (!t.databaseUrl) delete env.DATABASE_URL;
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/demo.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

/**
 * The demo company is what a newcomer sees first: it must be alive (groups of each visibility,
 * posts with comments and reactions) and its secrets must stay secret like any company's.
 */
describe.each(DIALECTS)('npm run demo on %s', (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ dialect });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('fills acme with people, groups and posts, the same on a second run, and keeps secret groups secret', async () => {
    const first = await runDemo(t);
    expect(first.code, first.output).toBe(0);
    expect(first.output).toMatch(/200 people/);
    const second = await runDemo(t);
    expect(second.code, second.output).toBe(0);
    expect(second.output.split('\n').slice(1, 3)).toEqual(first.output.split('\n').slice(1, 3));

    const owner = t.client('acme');
    const signIn = await owner.post('/api/v1/auth/sign-in', { email: 'owner@acme.example', password: 'acme-demo-password' });
    expect(signIn.status).toBe(200);
    const groups = await owner.get('/api/v1/groups?limit=50');
    expect(groups.status).toBe(200);
    const visible = groups.body.items as Array<{ id: string; name: string; visibility: string; membership: { role: string } | null }>;
    const names = visible.map((g) => g.name);
    expect(names).toEqual(expect.arrayContaining(['Announcements', 'Engineering', 'Customer escalations']));
    expect(new Set(visible.map((g) => g.visibility))).toEqual(
      new Set(['open', 'closed', ...(visible.some((g) => g.visibility === 'secret') ? ['secret'] : [])]),
    );
    // A secret group shows up only for its members.
    for (const g of visible.filter((x) => x.visibility === 'secret')) expect(g.membership).not.toBeNull();

    const engineering = visible.find((g) => g.name === 'Engineering');
    const feed = await owner.get(`/api/v1/groups/${engineering?.id}/posts?limit=20`);
    expect(feed.status).toBe(200);
    expect(feed.body.items.length).toBeGreaterThan(5);
    const counts = (feed.body.items as Array<{ counts: { comments: number; reactions: Record<string, number> } }>).map(
      (p) => p.counts.comments + Object.values(p.counts.reactions).reduce((a, b) => a + b, 0),
    );
    expect(Math.max(...counts)).toBeGreaterThan(0);

    // The announcement waits in the company-wide group, seen by about half the company.
    const everyone = visible.find((g) => g.name === 'Announcements');
    const news = await owner.get(`/api/v1/groups/${everyone?.id}/posts?limit=20`);
    const announcement = (news.body.items as Array<{ announcement: { seenCount: number; audienceCount: number } | null }>).find(
      (p) => p.announcement,
    );
    expect(announcement?.announcement?.seenCount).toBeGreaterThan(50);
    expect(announcement?.announcement?.audienceCount).toBeGreaterThan(announcement?.announcement?.seenCount ?? 0);
    // Work Chat: the owner's list is not empty, some of it unread, and its history reads in seq order.
    const chats = await owner.get('/api/v1/conversations?limit=50');
    expect(chats.status).toBe(200);
    const convs = chats.body.items as Array<{ id: string; kind: string; unreadCount: number; lastSeq: number }>;
    expect(new Set(convs.map((c) => c.kind))).toEqual(new Set(['direct', 'group', 'linked']));
    const unread = await owner.get('/api/v1/chat/unread');
    expect(unread.body.total).toBeGreaterThan(0);
    const history = await owner.get(`/api/v1/conversations/${convs[0]?.id}/messages`);
    const seqs = (history.body.items as Array<{ seq: number }>).map((m) => m.seq);
    expect(seqs).toEqual(Array.from({ length: convs[0]?.lastSeq ?? 0 }, (_, i) => i + 1));
    const polls = (feed.body.items as Array<{ poll: unknown }>).filter((p) => p.poll);
    expect(polls.length).toBeGreaterThan(0);

    // A member signs in to a home feed and notifications that are not empty.
    const memberEmail = /Member\s+(\S+@acme\.example)/.exec(second.output)?.[1];
    const member = t.client('acme');
    expect((await member.post('/api/v1/auth/sign-in', { email: memberEmail, password: 'acme-demo-password' })).status).toBe(200);
    const home = await member.get('/api/v1/feed?order=recent&limit=20');
    expect(home.status).toBe(200);
    expect(home.body.items.length).toBe(20);
    const notes = await member.get('/api/v1/notifications?limit=50');
    expect((notes.body.items as Array<{ kind: string }>).map((n) => n.kind)).toContain('announcement');
  }, 180_000);
});
