import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../test/support/client.js';
import { direct, send } from '../../../test/support/conversations.js';
import { DIALECTS } from '../../../test/support/databases.js';
import { addPerson, signUpCompany, type Company } from '../../../test/support/factories.js';
import { createIntegration, type TestIntegration } from '../../../test/support/integrations.js';
import { startTestServer, type TestServer } from '../../../test/support/server.js';
import { waitUntil } from '../../../test/support/webhook-receiver.js';
import { createLeaveBot, parseLeaveMessage, type LeaveBot } from '../src/index.js';

/**
 * The leave-request bot end to end: a real server (SQLite and PostgreSQL), the integration, token
 * and webhook made through the admin API, the bot on 127.0.0.1 port 0 reached by real webhook
 * deliveries, and people who write and click through the API as the web app does. Every wait
 * polls what people can see, with a deadline.
 */

interface Block {
  type: string;
  text?: string;
  fields?: Array<{ label: string; value: string }>;
  elements?: Array<{ actionId: string; value?: string }>;
}
interface ChatMessage {
  id: string;
  seq: number;
  body: string;
  sender: { id: string };
  blocks: Block[] | null;
}
type Person = Client & { personId: string };

const APPROVE = 'leave.approve';
const DECLINE = 'leave.decline';
const buttonsOf = (m: ChatMessage) => (m.blocks ?? []).filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);
const contextOf = (m: ChatMessage) => (m.blocks ?? []).find((b) => b.type === 'context')?.text;

describe('parseLeaveMessage', () => {
  it('reads ranges, single days and reasons; explains bad dates and swapped ends', () => {
    const ask = (text: string) => {
      const p = parseLeaveMessage(text);
      return p.kind === 'request' ? p.ask : p.kind;
    };
    expect(ask('leave 2026-12-21 to 2026-12-24 family visit')).toEqual({ start: '2026-12-21', end: '2026-12-24', reason: 'family visit' });
    expect(ask('Leave 2026-12-21 2026-12-24')).toEqual({ start: '2026-12-21', end: '2026-12-24', reason: null });
    expect(ask('leave 2026-12-21..2026-12-24 x')).toEqual({ start: '2026-12-21', end: '2026-12-24', reason: 'x' });
    expect(ask('leave: 2027-01-08 dentist')).toEqual({ start: '2027-01-08', end: '2027-01-08', reason: 'dentist' });
    expect(ask('help')).toBe('help');
    expect(ask('what is this')).toBe('unknown');
    const error = (text: string) => {
      const p = parseLeaveMessage(text);
      return p.kind === 'error' ? p.message : `not an error: ${p.kind}`;
    };
    expect(error('leave 2026-12-24 to 2026-12-21')).toMatch(/before the first day/);
    expect(error('leave 2026-02-30')).toMatch(/not a day of the calendar/);
    expect(error('leave 21/12/2026 to 24/12/2026')).toMatch(/YYYY-MM-DD/);
    expect(error('leave soon')).toMatch(/YYYY-MM-DD/);
    expect(error('leave 2026-01-01 to 2027-06-01')).toMatch(/at most 366/);
  });
});

describe('npm run example:leave-request (src/main.ts)', () => {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const bare = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('COMMONPLACE_') && k !== 'LEAVE_SUMMARY_GROUP_ID' && k !== 'PORT'),
  );
  /**
   * The script as package.json has it. Started through `sh -c exec` rather than `npm run`, so
   * that SIGTERM reaches tsx (and the bot) itself: npm would die of the signal before the bot answered it.
   */
  async function run(env: Record<string, string>) {
    const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const script = pkg.scripts['example:leave-request'];
    expect(script).toBeDefined();
    const path = `${join(root, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}`;
    const child = spawn('sh', ['-c', `exec ${script}`], { cwd: root, env: { ...bare, PATH: path, ...env } });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    return { child, output: () => out, exited };
  }

  it('refuses to start without its settings, naming each one', async () => {
    const { exited, output } = await run({});
    expect(await exited).toBe(1);
    for (const name of ['COMMONPLACE_URL', 'COMMONPLACE_TOKEN', 'COMMONPLACE_WEBHOOK_SECRET', 'LEAVE_SUMMARY_GROUP_ID'])
      expect(output()).toContain(`${name} is not set`);
  });

  it('starts with them and answers webhook requests (unsigned: 401), then stops on SIGTERM', async () => {
    const proc = await run({
      COMMONPLACE_URL: 'http://127.0.0.1:9',
      COMMONPLACE_TOKEN: 'cpi_not_checked_here',
      COMMONPLACE_WEBHOOK_SECRET: 'whsec_0123456789abcdef0123456789abcdef',
      LEAVE_SUMMARY_GROUP_ID: 'group-1',
      PORT: '0',
    });
    try {
      const url = await waitUntil(() => /listening on (http:\S+) /.exec(proc.output())?.[1], `the bot to listen: ${proc.output()}`);
      expect((await fetch(url, { method: 'POST', body: '{}' })).status).toBe(401);
      // Commonplace is not there: a warning, not a crash (it may be starting too).
      await waitUntil(() => proc.output().includes('warning: cannot reach'), 'the reachability warning');
    } finally {
      proc.child.kill('SIGTERM');
    }
    expect(await proc.exited).toBe(0);
  });
});

describe.each(DIALECTS)('the leave-request bot on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let ana: Person; // asks for leave; her manager is Max
  let max: Person;
  let oscar: Person; // someone else
  let nina: Person; // has no manager
  let groupId: string;
  let integration: TestIntegration;
  let webhookBase: string;
  let bot: LeaveBot;
  const logged: string[] = [];
  // Company addresses are <slug>.localhost:<port>; the bot reaches them on 127.0.0.1, as a resolver would.
  const loopback = new Agent({ connect: { lookup: (_host, _opts, done) => done(null, [{ address: '127.0.0.1', family: 4 }]) } });
  const viaLoopback = (request: Request) => fetch(request, { dispatcher: loopback } as RequestInit);

  beforeAll(async () => {
    t = await startTestServer({ dialect });
    acme = await signUpCompany(t);
    // One after another: addPerson numbers its e-mail addresses, and order keeps the run repeatable.
    ana = await addPerson(t, acme, { name: 'Ana Lopez' });
    max = await addPerson(t, acme, { name: 'Max Manager' });
    oscar = await addPerson(t, acme, { name: 'Oscar Other' });
    nina = await addPerson(t, acme, { name: 'Nina Nobody' });
    const managed = await acme.owner.patch(`/api/v1/admin/people/${ana.personId}/profile`, { managerId: max.personId });
    expect(managed.status, JSON.stringify(managed.body)).toBe(200);
    groupId = (await acme.owner.post('/api/v1/groups', { name: 'People team', visibility: 'closed' })).body.id;
    expect((await acme.owner.put('/api/v1/admin/integration-settings', { allowedHosts: ['127.0.0.1'] })).status).toBe(200);

    integration = await createIntegration(t, acme, {
      name: 'Leave Bot',
      scopes: ['chat:read', 'chat:write', 'people:read', 'groups:read', 'groups:write'],
      groupIds: [groupId],
    });
    const secret = `whsec_${randomBytes(24).toString('hex')}`;
    bot = createLeaveBot({
      baseUrl: `http://${acme.slug}.localhost:${t.port}`,
      token: integration.token,
      secret,
      summaryGroupId: groupId,
      fetch: viaLoopback,
      log: (m) => logged.push(m),
    });
    const url = await bot.listen(0, '127.0.0.1');
    expect(await bot.check()).toEqual([]);
    // Saving the webhook sends the signed address check, which the bot answers with the secret.
    const hook = await acme.owner.post(`/api/v1/admin/integrations/${integration.id}/webhooks`, {
      url,
      events: ['message.created', 'interaction'],
      secret,
    });
    expect(hook.status, JSON.stringify(hook.body)).toBe(201);
    webhookBase = `/api/v1/admin/integrations/${integration.id}/webhooks/${hook.body.id as string}`;
  });
  afterAll(async () => {
    await bot?.close();
    await t?.close();
    await loopback.close();
  });

  const messages = async (who: Client, conversationId: string): Promise<ChatMessage[]> => {
    const res = await who.get<{ items: ChatMessage[] }>(`/api/v1/conversations/${conversationId}/messages?limit=100`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.items;
  };
  const chatWithBot = (who: Person) => direct(who, { personId: integration.botPersonId });
  const fromBot = (m: ChatMessage) => m.sender.id === integration.botPersonId;

  /** Writes to the bot in the one-to-one chat; resolves with the request id (the message id) and the bot's first answer. */
  async function write(who: Person, text: string): Promise<{ id: string; reply: ChatMessage; conversationId: string }> {
    const conversationId = await chatWithBot(who);
    const sent = await send(who, conversationId, text);
    const reply = await waitUntil(
      async () => (await messages(who, conversationId)).find((m) => fromBot(m) && m.seq > sent.seq),
      `the bot's answer to "${text}"`,
    );
    return { id: sent.id, reply, conversationId };
  }

  /** The message with the buttons for a request (their value is the request id), in Max's chat with the bot. */
  async function managerMessage(requestId: string): Promise<ChatMessage & { conversationId: string }> {
    const conversationId = await chatWithBot(max);
    const m = await waitUntil(
      async () => (await messages(max, conversationId)).find((m) => fromBot(m) && buttonsOf(m).some((b) => b.value === requestId)),
      `Max's message for request ${requestId}`,
    );
    return { ...m, conversationId };
  }

  /** That message again, once `ready` says it changed as expected. */
  const messageNow = (m: { id: string; conversationId: string }, ready: (m: ChatMessage) => boolean, what: string) =>
    waitUntil(async () => (await messages(max, m.conversationId)).find((x) => x.id === m.id && ready(x)), what);
  const decided = (m: ChatMessage) => buttonsOf(m).length === 0;

  const act = (who: Client, messageId: string, actionId: string, value: string) =>
    who.post(`/api/v1/messages/${messageId}/actions`, { actionId, value });

  const groupPosts = async (): Promise<string[]> => {
    const res = await acme.owner.get<{ items: Array<{ bodyMarkdown: string }> }>(`/api/v1/groups/${groupId}/posts?limit=100`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.items.map((p) => p.bodyMarkdown);
  };

  /** Every delivery of the bot's webhook has been answered (nothing pending): the bot has seen all events so far. */
  const allDelivered = () =>
    waitUntil(async () => {
      const items = (
        await acme.owner.get<{ items: Array<{ id: string; eventType: string; status: string }> }>(`${webhookBase}/deliveries?limit=100`)
      ).body.items;
      return items.every((d) => d.status !== 'pending') ? items : undefined;
    }, 'every delivery answered');

  it('asks the manager with buttons; only the manager can see them; Approve informs the requester and the group, once', async () => {
    const asked = await write(ana, 'leave 2026-12-21 to 2026-12-24 family visit');
    expect(asked.reply.body).toContain('Sent to **Max Manager** for approval: Mon 21 Dec 2026 – Thu 24 Dec 2026 (4 days)');

    const msg = await managerMessage(asked.id);
    expect(msg.body).toBe('Leave request from Ana Lopez: Mon 21 Dec 2026 – Thu 24 Dec 2026 (4 days)');
    expect(msg.blocks?.find((b) => b.type === 'fields')?.fields).toEqual([
      { label: 'From', value: 'Mon 21 Dec 2026' },
      { label: 'To', value: 'Thu 24 Dec 2026' },
      { label: 'Length', value: '4 days' },
      { label: 'Reason', value: 'family visit' },
    ]);
    expect(buttonsOf(msg)).toMatchObject([
      { actionId: APPROVE, value: asked.id },
      { actionId: DECLINE, value: asked.id },
    ]);

    // Oscar is not in Max's chat with the bot: he cannot even see the message, let alone decide.
    expect((await act(oscar, msg.id, APPROVE, asked.id)).status).toBe(404);
    expect((await oscar.get(`/api/v1/conversations/${msg.conversationId}/messages`)).status).toBe(404);
    // Nor can Ana decide her own request.
    expect((await act(ana, msg.id, APPROVE, asked.id)).status).toBe(404);

    expect((await act(max, msg.id, APPROVE, asked.id)).status).toBe(202);
    const done = await messageNow(msg, decided, 'the approval on the message');
    expect(contextOf(done)).toMatch(/^✅ Approved by Max Manager on \d{4}-\d{2}-\d{2}$/);
    expect(done.body).toBe('Leave request from Ana Lopez: Mon 21 Dec 2026 – Thu 24 Dec 2026 (4 days) — approved by Max Manager');

    const told = await waitUntil(
      async () => (await messages(ana, asked.conversationId)).find((m) => fromBot(m) && m.body.includes('**approved**')),
      'Ana told of the approval',
    );
    expect(told.body).toBe('✅ Your leave Mon 21 Dec 2026 – Thu 24 Dec 2026 (4 days) was **approved** by Max Manager. Enjoy!');
    const summary = await waitUntil(
      async () => (await groupPosts()).find((p) => p.includes('Ana Lopez, Mon 21 Dec 2026')),
      'the summary post',
    );
    expect(summary).toBe('**Leave approved**: Ana Lopez, Mon 21 Dec 2026 – Thu 24 Dec 2026 (4 days) — approved by Max Manager.');
    expect(summary).not.toContain('family visit'); // the reason stays private

    // A second click finds no button any more: the server refuses it, and nothing changes.
    const again = await act(max, msg.id, DECLINE, asked.id);
    expect(again.status, JSON.stringify(again.body)).toBe(400);
    await allDelivered();
    expect(contextOf(await messageNow(msg, decided, 'the message'))).toMatch(/^✅ Approved/);
    expect(bot.requests().find((r) => r.id === asked.id)).toMatchObject({ status: 'approved', decision: { by: { id: max.personId } } });
  });

  it('Decline tells the requester and posts it in the group', async () => {
    const asked = await write(ana, 'leave 2027-01-08 dentist');
    expect(asked.reply.body).toContain('Fri 8 Jan 2027 (1 day)');
    const msg = await managerMessage(asked.id);
    expect((await act(max, msg.id, DECLINE, asked.id)).status).toBe(202);
    const done = await messageNow(msg, decided, 'the decline on the message');
    expect(contextOf(done)).toMatch(/^❌ Declined by Max Manager/);
    await waitUntil(
      async () =>
        (await messages(ana, asked.conversationId)).some(
          (m) => fromBot(m) && m.body.startsWith('❌ Your leave Fri 8 Jan 2027 (1 day) was **declined**'),
        ),
      'Ana told of the decline',
    );
    await waitUntil(
      async () => (await groupPosts()).includes('**Leave declined**: Ana Lopez, Fri 8 Jan 2027 (1 day) — declined by Max Manager.'),
      'the decline in the group',
    );
  });

  it('two clicks at once: the first decision stands, told once, posted once', async () => {
    const asked = await write(ana, 'leave 2027-02-01..2027-02-14 skiing');
    expect(asked.reply.body).toContain('(14 days, 10 working days)');
    const msg = await managerMessage(asked.id);
    const answers = await Promise.all([act(max, msg.id, DECLINE, asked.id), act(max, msg.id, APPROVE, asked.id)]);
    expect(answers.map((a) => a.status)).toContain(202);
    const done = await messageNow(msg, decided, 'the decision on the message');
    await allDelivered();
    const outcome = /^(✅ Approved|❌ Declined)/.exec(contextOf(done) ?? '')?.[1];
    expect(outcome).toBeDefined();
    const word = outcome!.includes('Approved') ? 'approved' : 'declined';
    const told = (await messages(ana, asked.conversationId)).filter(
      (m) => fromBot(m) && m.body.includes('Mon 1 Feb 2027') && m.seq > asked.reply.seq,
    );
    expect(told.map((m) => m.body)).toEqual([expect.stringContaining(`was **${word}** by Max Manager`)]);
    expect((await groupPosts()).filter((p) => p.includes('Mon 1 Feb 2027'))).toEqual([expect.stringContaining(`**Leave ${word}**`)]);
    expect(bot.requests().find((r) => r.id === asked.id)?.status).toBe(word);
  });

  it('tells a person without a manager so, and asks nobody', async () => {
    const before = bot.requests().length;
    const asked = await write(nina, 'leave 2026-12-28 to 2026-12-31');
    expect(asked.reply.body).toMatch(/can't find your manager in the org chart/);
    expect(bot.requests()).toHaveLength(before);
  });

  it('answers what it does not understand with the help, and explains bad dates', async () => {
    const help = await write(oscar, 'can I have some days off?');
    expect(help.reply.body).toContain("Sorry, I didn't understand that.");
    expect(help.reply.body).toContain('`leave 2026-12-21 to 2026-12-24 family visit`');
    expect((await write(oscar, 'help')).reply.body).toContain('Write to me like this');
    expect((await write(oscar, 'leave 2026-12-24 to 2026-12-21')).reply.body).toMatch(
      /The last day \(2026-12-21\) is before the first day \(2026-12-24\)/,
    );
    expect((await write(oscar, 'leave 2026-02-30')).reply.body).toMatch(/2026-02-30 is not a day of the calendar/);
    expect((await write(oscar, 'leave 24/12/2026')).reply.body).toMatch(/write dates as YYYY-MM-DD/);
  });

  it('ignores chats with several people, even when the bot is in them', async () => {
    const res = await ana.post('/api/v1/conversations', {
      kind: 'group',
      personIds: [max.personId, integration.botPersonId],
      name: 'Team',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    await send(ana, res.body.id, 'leave 2027-03-01');
    await allDelivered();
    expect((await messages(ana, res.body.id)).filter(fromBot)).toEqual([]);
  });

  it('a redelivered event (same id) has no second effect', async () => {
    const delivered = await allDelivered();
    const conversations = await Promise.all([ana, max, oscar, nina].map(async (p) => [p, await chatWithBot(p)] as const));
    const snapshot = async () => ({
      chats: await Promise.all(
        conversations.map(async ([p, c]) => (await messages(p, c)).map((m) => `${m.id} ${m.body} ${contextOf(m) ?? ''}`)),
      ),
      posts: await groupPosts(),
      requests: JSON.stringify(bot.requests()),
    });
    const before = await snapshot();
    const again: string[] = [];
    expect(new Set(delivered.map((d) => d.eventType))).toEqual(new Set(['message.created', 'interaction']));
    for (const d of delivered) {
      const res = await acme.owner.post(`${webhookBase}/deliveries/${d.id}/redeliver`);
      expect(res.status, JSON.stringify(res.body)).toBe(202);
      again.push(res.body.id);
    }
    await waitUntil(async () => {
      const items = (await acme.owner.get<{ items: Array<{ id: string; status: string }> }>(`${webhookBase}/deliveries?limit=100`)).body
        .items;
      return again.every((id) => items.find((d) => d.id === id)?.status === 'delivered');
    }, 'every copy delivered');
    expect(await snapshot()).toEqual(before);
  });
});
