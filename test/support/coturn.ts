import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { X509Certificate, createHash, randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { promisify } from 'node:util';

/**
 * A real TURN server (Debian's coturn) for one test file: shared-secret credentials (the TURN REST
 * scheme the server signs), listening only on 127.0.0.1 on a free port (UDP and TCP), relaying
 * from a private window of ports, everything it writes kept in a temporary folder.
 */
export const TURN_REALM = 'commonplace.test';
const TURNSERVER = process.env.TURNSERVER_BIN ?? '/usr/bin/turnserver';
const UCLIENT = process.env.TURNUTILS_UCLIENT_BIN ?? '/usr/bin/turnutils_uclient';

export interface Coturn {
  /** turn:127.0.0.1:<port>?transport=udp */
  url: string;
  /** The same listener over TCP. */
  tcpUrl: string;
  port: number;
  /** The static-auth-secret; sign credentials with it (iceServersFor). */
  secret: string;
  /** With `{ tls: true }`: TURN over TLS, turns:localhost:<port>?transport=tcp (the name the certificate is for). */
  tlsUrl?: string;
  tlsPort?: number;
  /** The self-signed certificate of the TLS listener (PEM), made for this instance: CN and SAN localhost, SAN 127.0.0.1. */
  tlsCertPem?: string;
  /** base64 SHA-256 of the certificate's public key (SubjectPublicKeyInfo), the form certificate pins take. */
  tlsSpkiSha256?: string;
  /** Everything the server logged so far (verbose: one line per refused request, with the user). */
  log(): string;
  stop(): Promise<void>;
}

/** A port free for both UDP and TCP on 127.0.0.1 (coturn listens on both). */
async function freeUdpTcpPort(): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    const udp = createSocket('udp4');
    const port = await new Promise<number>((resolve, reject) => {
      udp.once('error', reject);
      udp.bind(0, '127.0.0.1', () => resolve(udp.address().port));
    });
    const tcpFree = await new Promise<boolean>((resolve) => {
      const srv = createServer();
      srv.once('error', () => resolve(false));
      srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
    });
    await new Promise<void>((resolve) => udp.close(() => resolve()));
    if (tcpFree) return port;
    if (attempt > 20) throw new Error('no port free for both UDP and TCP');
  }
}

/**
 * Sends STUN Binding requests (RFC 5389, no attributes) to 127.0.0.1:`port` until one is answered
 * with a Binding success for the same transaction, or `timeoutMs` passes. Resolves true on an answer.
 */
export async function stunBindingAnswered(port: number, timeoutMs: number, gaveUp: () => boolean = () => false): Promise<boolean> {
  const socket = createSocket('udp4');
  const txid = randomBytes(12);
  const request = Buffer.alloc(20);
  request.writeUInt16BE(0x0001, 0); // Binding request
  request.writeUInt16BE(0, 2); // no attributes
  request.writeUInt32BE(0x2112a442, 4); // magic cookie
  txid.copy(request, 8);
  try {
    return await new Promise<boolean>((resolve) => {
      const deadline = Date.now() + timeoutMs;
      let timer: NodeJS.Timeout | undefined;
      socket.on('message', (msg) => {
        if (msg.length >= 20 && msg.readUInt16BE(0) === 0x0101 && msg.subarray(8, 20).equals(txid)) {
          clearTimeout(timer);
          resolve(true);
        }
      });
      // A refused datagram (nothing listening yet) surfaces as an error on some systems; keep trying.
      socket.on('error', () => undefined);
      const send = () => {
        if (Date.now() > deadline || gaveUp()) return resolve(false);
        socket.send(request, port, '127.0.0.1');
        timer = setTimeout(send, 100);
      };
      send();
    });
  } finally {
    socket.close();
  }
}

/** A TLS handshake with 127.0.0.1:`port` that checks the certificate against `ca` for `servername`; true once one succeeds. */
async function tlsAnswered(port: number, ca: string, servername: string, timeoutMs: number, gaveUp: () => boolean): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !gaveUp()) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = tlsConnect({ host: '127.0.0.1', port, ca, servername }, () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

export interface CoturnOptions {
  /** Also listen for TURN over TLS (TCP), with a self-signed certificate made at start. */
  tls?: boolean;
}

/** Starts coturn and resolves once it answers a STUN Binding (and a TLS handshake, with `tls`); retries on new ports if it does not start. */
export async function startCoturn(options: CoturnOptions = {}): Promise<Coturn> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(options);
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError;
}

async function startOnce(options: CoturnOptions): Promise<Coturn> {
  const dir = await mkdtemp(join(tmpdir(), 'cp-coturn-'));
  const secret = randomBytes(24).toString('hex');
  const port = await freeUdpTcpPort();
  const tls = options.tls
    ? await selfSignedCertificate(dir).catch(async (err: unknown) => {
        await rm(dir, { recursive: true, force: true });
        throw err;
      })
    : null;
  const tlsPort = tls ? await freeUdpTcpPort() : undefined;
  // Each server relays from its own window of ports, so two test files running at once (or a
  // retry of this one) do not take each other's relay ports.
  const minPort = 40_000 + Math.floor(Math.random() * 99) * 200;
  const args = [
    // No configuration file: Debian's /etc/turnserver.conf would otherwise be read (syslog etc.).
    '-n',
    // Verbose: each refused request is logged with its user, which the tests read.
    '-v',
    `--listening-port=${port}`,
    '--listening-ip=127.0.0.1',
    '--relay-ip=127.0.0.1',
    `--min-port=${minPort}`,
    `--max-port=${minPort + 199}`,
    '--use-auth-secret',
    `--static-auth-secret=${secret}`,
    `--realm=${TURN_REALM}`,
    // Both browsers of a test are on this machine, so the relay's peers are loopback addresses,
    // which coturn refuses unless told.
    '--allow-loopback-peers',
    // Nothing else that would listen on a fixed port and clash with another instance: the admin
    // CLI (5766), TLS and DTLS (5349, unless TLS is asked for on a port of its own), the RFC 5780
    // alternative port.
    '--no-cli',
    ...(tls ? [`--tls-listening-port=${tlsPort}`, `--cert=${tls.certPath}`, `--pkey=${tls.keyPath}`] : ['--no-tls']),
    '--no-dtls',
    '--no-rfc5780',
    // Its own user database and pid file instead of the system's under /var.
    `--userdb=${join(dir, 'turndb')}`,
    `--pidfile=${join(dir, 'turnserver.pid')}`,
    '--log-file=stdout',
    '--simple-log',
  ];
  const proc: ChildProcess = spawn(TURNSERVER, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keep = (d: Buffer) => {
    log += d.toString();
    // A verbose server logs every request; a test needs the recent part only.
    if (log.length > 2_000_000) log = log.slice(-1_000_000);
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  let spawnError: Error | null = null;
  proc.once('error', (err) => (spawnError = err));
  const exited = new Promise<void>((resolve) => proc.once('close', () => resolve()));

  const stop = async () => {
    if (proc.exitCode === null && proc.signalCode === null && !spawnError) {
      proc.kill('SIGTERM');
      const killer = setTimeout(() => proc.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killer);
    }
    await rm(dir, { recursive: true, force: true });
  };

  const gaveUp = () => proc.exitCode !== null || spawnError !== null;
  const ready = await stunBindingAnswered(port, 10_000, gaveUp);
  if (!ready) {
    await stop();
    throw new Error(`turnserver did not answer on 127.0.0.1:${port}: ${String(spawnError ?? '')}\n${log.slice(-4000)}`);
  }
  if (tls && tlsPort !== undefined && !(await tlsAnswered(tlsPort, tls.certPem, 'localhost', 10_000, gaveUp))) {
    await stop();
    throw new Error(`turnserver did not complete a TLS handshake on 127.0.0.1:${tlsPort}\n${log.slice(-4000)}`);
  }
  return {
    url: `turn:127.0.0.1:${port}?transport=udp`,
    tcpUrl: `turn:127.0.0.1:${port}?transport=tcp`,
    port,
    secret,
    ...(tls && tlsPort !== undefined
      ? {
          tlsUrl: `turns:localhost:${tlsPort}?transport=tcp`,
          tlsPort,
          tlsCertPem: tls.certPem,
          tlsSpkiSha256: tls.spkiSha256,
        }
      : {}),
    log: () => log,
    stop,
  };
}

/**
 * A certificate and key for `localhost` (and 127.0.0.1) that last a day, made with openssl in `dir`.
 * Self-signed: whoever connects has to be told to trust it (by the certificate itself or its key).
 */
async function selfSignedCertificate(dir: string): Promise<{ certPath: string; keyPath: string; certPem: string; spkiSha256: string }> {
  const certPath = join(dir, 'turn-cert.pem');
  const keyPath = join(dir, 'turn-key.pem');
  await promisify(execFile)('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=localhost',
    '-addext',
    'subjectAltName=DNS:localhost,IP:127.0.0.1',
    '-keyout',
    keyPath,
    '-out',
    certPath,
  ]);
  const certPem = await readFile(certPath, 'utf8');
  const spki = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
  return { certPath, keyPath, certPem, spkiSha256: createHash('sha256').update(spki).digest('base64') };
}

export interface AllocateResult {
  /** The relay address coturn gave, when the allocation succeeded. */
  relay: string | null;
  output: string;
}

/**
 * Asks coturn for a relay allocation with `username`/`password` through coturn's own test client
 * (turnutils_uclient, long-term credentials over UDP). It stops once the relay address is known
 * (the client would otherwise send test traffic for several seconds) or when it gives up.
 */
export async function allocate(port: number, username: string, password: string, timeoutMs = 15_000): Promise<AllocateResult> {
  // -v prints each step; -y relays between two of its own allocations, so no peer is needed.
  const proc = spawn(UCLIENT, ['-v', '-y', '-n', '1', '-u', username, '-w', password, '-p', String(port), '127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise<AllocateResult>((resolve) => {
    let relay: string | null = null;
    const finish = () => {
      clearTimeout(timer);
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
      resolve({ relay, output });
    };
    const timer = setTimeout(finish, timeoutMs);
    const read = (d: Buffer) => {
      output += d.toString();
      const found = /Received relay addr: (\S+)/.exec(output);
      if (found && !relay) {
        relay = found[1] ?? null;
        finish();
      }
    };
    proc.stdout.on('data', read);
    proc.stderr.on('data', read);
    proc.once('error', (err) => {
      output += String(err);
      finish();
    });
    proc.once('close', finish);
  });
}
