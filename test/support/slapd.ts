import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'ldapts';

const run = promisify(execFile);

/**
 * A real OpenLDAP server (Debian's slapd) for one test file: a temporary folder, an mdb database
 * loaded with slapadd before the start (fast, even for thousands of entries), listening on a free
 * port of 127.0.0.1. Schemas: core, cosine, inetorgperson, nis, and Microsoft's user schema
 * (msuser) with a small auxiliary class so that entries can look like Active Directory's.
 * The service account `cn=sync,dc=test` has the usual size limit (500) for plain searches and none
 * for paged ones, like a directory that must be read page by page.
 */
export const SUFFIX = 'dc=test';
export const ROOT_DN = 'cn=root,dc=test';
export const ROOT_PASSWORD = 'root-secret';
export const SERVICE_DN = 'cn=sync,dc=test';
export const SERVICE_PASSWORD = 'sync-secret';

export interface Slapd {
  url: string;
  /** ldaps:// on a second port, with a certificate for 127.0.0.1 signed by `caPem` (when started with tls). */
  ldapsUrl: string | null;
  caPem: string | null;
  /** A client bound as the directory's root, to change entries during a test; the caller unbinds it. */
  admin(): Promise<Client>;
  stop(): Promise<void>;
}

const AD_SCHEMA = `objectclass ( 1.3.6.1.4.1.4203.666.11.77.1 NAME 'testAdAccount' SUP top AUXILIARY
 MAY ( sAMAccountName $ department $ employeeID $ company ) )
`;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

const BASE_LDIF = `dn: ${SUFFIX}
objectClass: dcObject
objectClass: organization
o: Test
dc: test

dn: ${SERVICE_DN}
objectClass: person
cn: sync
sn: sync
userPassword: ${SERVICE_PASSWORD}
`;

async function makeCertificates(dir: string): Promise<void> {
  const sh = (args: string[]) => run('openssl', args, { cwd: dir });
  await sh(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=Test CA']);
  await sh(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1']);
  await writeFile(join(dir, 'san.ext'), 'subjectAltName=IP:127.0.0.1\n');
  await sh([
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'server.pem',
    '-days',
    '2',
    '-extfile',
    'san.ext',
  ]);
}

/** Starts slapd with `ldif` (entries under dc=test) loaded; resolves once it answers a bind. */
export async function startSlapd(ldif: string, opts: { tls?: boolean } = {}): Promise<Slapd> {
  const dir = await mkdtemp(join(tmpdir(), 'cp-slapd-'));
  await mkdir(join(dir, 'db'));
  await writeFile(join(dir, 'ad-extra.schema'), AD_SCHEMA);
  if (opts.tls) await makeCertificates(dir);
  const conf = [
    ...['core', 'cosine', 'inetorgperson', 'nis', 'msuser'].map((s) => `include /etc/ldap/schema/${s}.schema`),
    `include ${join(dir, 'ad-extra.schema')}`,
    'modulepath /usr/lib/ldap',
    'moduleload back_mdb',
    `pidfile ${join(dir, 'slapd.pid')}`,
    ...(opts.tls
      ? [
          `TLSCACertificateFile ${join(dir, 'ca.pem')}`,
          `TLSCertificateFile ${join(dir, 'server.pem')}`,
          `TLSCertificateKeyFile ${join(dir, 'server.key')}`,
        ]
      : []),
    'database mdb',
    'maxsize 1073741824',
    `suffix "${SUFFIX}"`,
    `rootdn "${ROOT_DN}"`,
    `rootpw ${ROOT_PASSWORD}`,
    `directory ${join(dir, 'db')}`,
    // Tests need no durability; without it an add or modify does not wait for the disk.
    'dbnosync',
    `limits dn.exact="${SERVICE_DN}" size.prtotal=unlimited`,
    'access to attrs=userPassword by self read by anonymous auth by * none',
    `access to * by dn.exact="${SERVICE_DN}" read by self read by * none`,
  ].join('\n');
  await writeFile(join(dir, 'slapd.conf'), `${conf}\n`);
  await writeFile(join(dir, 'data.ldif'), `${BASE_LDIF}\n${ldif}`);
  await run('/usr/sbin/slapadd', ['-q', '-f', join(dir, 'slapd.conf'), '-l', join(dir, 'data.ldif')]);

  const port = await freePort();
  const tlsPort = opts.tls ? await freePort() : null;
  const urls = [`ldap://127.0.0.1:${port}/`, ...(tlsPort ? [`ldaps://127.0.0.1:${tlsPort}/`] : [])];
  const proc: ChildProcess = spawn('/usr/sbin/slapd', ['-h', urls.join(' '), '-f', join(dir, 'slapd.conf'), '-d', '0'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  proc.stderr?.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const url = `ldap://127.0.0.1:${port}`;
  const admin = async () => {
    const c = new Client({ url, connectTimeout: 2000 });
    await c.bind(ROOT_DN, ROOT_PASSWORD);
    return c;
  };

  // Ready when a bind goes through (poll: slapd opens its port after loading the database).
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`slapd stopped at start: ${log}`);
    try {
      const c = await admin();
      await c.unbind();
      break;
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`slapd did not answer: ${String(err)} ${log}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    url,
    ldapsUrl: tlsPort ? `ldaps://127.0.0.1:${tlsPort}` : null,
    caPem: opts.tls ? await readFile(join(dir, 'ca.pem'), 'utf8') : null,
    admin,
    async stop() {
      if (proc.exitCode === null) {
        proc.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
