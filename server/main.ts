import { buildServer } from './app.js';
import { loadConfig } from './config.js';

/** Process entry: config, build, listen; on SIGTERM/SIGINT stop gracefully within 10 s. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  const server = await buildServer(config);
  const port = await server.listen();
  server.ctx.log.info(
    { port, database: server.ctx.dialect, bus: config.redisUrl ? 'redis' : 'memory' },
    `Commonplace is running: open ${server.ctx.urls.base()} to sign up a company`,
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    server.ctx.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server
      .close()
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        server.ctx.log.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
