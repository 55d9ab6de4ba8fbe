import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { AppContext } from '../context.js';
import type { RealtimeGateway } from '../realtime/gateway.js';

/** Prometheus text at /metrics: requests by route and status, latency, sockets, job queue depth. */
export function installMetrics(app: FastifyInstance, ctx: AppContext, gateway: RealtimeGateway): void {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests by route and status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by route',
    labelNames: ['method', 'route'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  new Gauge({
    name: 'realtime_open_sockets',
    help: 'Open realtime websockets on this process',
    registers: [registry],
    collect() {
      this.set(gateway.openSockets);
    },
  });
  new Gauge({
    name: 'jobs_queue_depth',
    help: 'Jobs pending or running (all processes)',
    registers: [registry],
    async collect() {
      this.set(await ctx.jobs.pendingCount());
    },
  });

  // Labelled children are memoised: resolving labels on every request is measurable at high rates.
  const counters = new Map<string, ReturnType<typeof requests.labels>>();
  const timers = new Map<string, ReturnType<typeof latency.labels>>();
  app.addHook('onResponse', (req, reply, done) => {
    // The route pattern, not the URL, so ids do not explode the label set.
    const route = req.routeOptions.url ?? 'unmatched';
    const routeKey = `${req.method} ${route}`;
    const countKey = `${routeKey} ${reply.statusCode}`;
    let counter = counters.get(countKey);
    if (!counter) counters.set(countKey, (counter = requests.labels(req.method, route, String(reply.statusCode))));
    let timer = timers.get(routeKey);
    if (!timer) timers.set(routeKey, (timer = latency.labels(req.method, route)));
    counter.inc();
    timer.observe(reply.elapsedTime / 1000);
    done();
  });

  app.get('/metrics', { schema: { hide: true } }, async (_req, reply) => {
    reply.header('content-type', registry.contentType);
    return registry.metrics();
  });
}
