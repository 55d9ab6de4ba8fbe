import pino from 'pino';
import { buildServer } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';

/**
 * One real server process for the chat benchmark, on the database, data folder and Redis the
 * benchmark prepared (DATABASE_URL, DATA_DIR, REDIS_URL, REDIS_PREFIX from its environment), so
 * that two of them can share one PostgreSQL database. Prints {"port", "pid", "dialect"} once listening.
 */
const config = loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1', BASE_DOMAIN: 'localhost:0', LOG_LEVEL: 'warn' });
const server = await buildServer(config, { logger: pino({ level: 'warn' }, process.stderr) });
const port = await server.listen();

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  server.close().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
};
process.once('SIGTERM', stop);
// The benchmark asks for a full collection before reading resident memory (run with --expose-gc).
process.on('SIGUSR2', () => (globalThis as { gc?: () => void }).gc?.());
process.once('SIGINT', stop);

console.log(JSON.stringify({ port, pid: process.pid, dialect: server.ctx.dialect }));
