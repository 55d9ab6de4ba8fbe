import Fastify from 'fastify';

/**
 * The baseline: bare Fastify, no plugins, one route answering GET /api/v1/me with a fixed body
 * (BENCH_BODY, the JSON the real endpoint returned). Prints {"port": N} once listening.
 */
const body: unknown = JSON.parse(process.env.BENCH_BODY ?? '{}');
const app = Fastify({ logger: false });
app.get('/api/v1/me', async () => body);

const stop = () => {
  app.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
console.log(JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 }));
