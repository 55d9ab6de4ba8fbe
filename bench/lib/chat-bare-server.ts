import { createServer } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * The physical limit for the chat benchmark: plain `ws` on a plain HTTP server, no auth, no
 * storage, no validation. POST /conversations {id: memberIndexes} registers a conversation;
 * POST /send {conversationId, body} answers 201 and writes one frame of the app's shape
 * (an event with a message) to every socket of every member, as the app's fan-out does.
 * Sockets connect to /realtime?person=<index>. Prints {"port", "pid"} once listening.
 */
const sockets = new Map<number, Set<WebSocket>>();
const members = new Map<string, number[]>();
const seqs = new Map<number, number>();
const convSeq = new Map<string, number>();
let ids = 0;

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>) : {};
    if (req.method === 'POST' && req.url === '/conversations') {
      for (const [id, people] of Object.entries(body)) members.set(id, people as number[]);
      res.writeHead(204).end();
      return;
    }
    if (req.method === 'POST' && req.url === '/send') {
      const conversationId = String(body.conversationId);
      const audience = members.get(conversationId);
      if (!audience) {
        res.writeHead(404).end();
        return;
      }
      const seq = (convSeq.get(conversationId) ?? 0) + 1;
      convSeq.set(conversationId, seq);
      const message = { id: `m${++ids}`, conversationId, seq, kind: 'text', body: String(body.body), createdAt: new Date().toISOString() };
      const payload = JSON.stringify({ conversationId, message });
      for (const person of audience) {
        const personSeq = (seqs.get(person) ?? 0) + 1;
        seqs.set(person, personSeq);
        const frame = `{"kind":"event","seq":${personSeq},"type":"chat.message","payload":${payload},"at":"${message.createdAt}"}`;
        for (const ws of sockets.get(person) ?? []) ws.send(frame);
      }
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(message));
      return;
    }
    res.writeHead(404).end();
  });
});

const wss = new WebSocketServer({ server, path: '/realtime' });
wss.on('connection', (ws, req) => {
  const person = Number(new URL(req.url ?? '', 'http://x').searchParams.get('person'));
  let set = sockets.get(person);
  if (!set) sockets.set(person, (set = new Set()));
  set.add(ws);
  ws.on('close', () => set.delete(ws));
  ws.send(JSON.stringify({ kind: 'ready', seq: seqs.get(person) ?? 0 }));
});

process.once('SIGTERM', () => process.exit(0));
process.on('SIGUSR2', () => (globalThis as { gc?: () => void }).gc?.());
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0, pid: process.pid }));
});
