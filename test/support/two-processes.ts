import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { openDatabase, type Db } from '../../server/db/index.js';
import type { Client } from './client.js';
import { createPostgresDatabase } from './databases.js';
import { signUpCompany, type Company } from './factories.js';
import { startServerProcess, type ServerProcess } from './processes.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Two server processes on one fresh PostgreSQL database, joined by Redis, with a company on them. */
export interface TwoProcesses {
  one: ServerProcess;
  two: ServerProcess;
  company: Company;
  /** The shared database, for set-up and for reading what the processes stored. */
  db: Db;
  /** The same browser session, sent to process two (as a load balancer might). */
  onTwo(client: Client): Client;
  stop(): Promise<void>;
}

/** `extraEnv` goes to both processes (e.g. the one media server they share). */
export async function startTwoProcesses(extraEnv: Record<string, string> = {}): Promise<TwoProcesses> {
  const prefix = `cp-test-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
  const database = await createPostgresDatabase();
  const env = { DATABASE_URL: database.url, REDIS_URL, REDIS_PREFIX: prefix, SIGNIN_LIMIT_PER_IP: '1000', ...extraEnv };
  // One after the other, so that the first one alone migrates the fresh database.
  const one = await startServerProcess(env);
  const two = await startServerProcess(env);
  const company = await signUpCompany(one.asHosts());
  const handle = openDatabase({ databaseUrl: database.url, dataDir: one.dataDir });
  return {
    one,
    two,
    company,
    db: handle.db,
    onTwo: (client) => two.sameSession(client, company.slug),
    async stop() {
      for (const p of [one, two]) await p.stop('SIGKILL');
      await handle.close();
      await database.drop();
      const redis = new Redis(REDIS_URL);
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    },
  };
}
