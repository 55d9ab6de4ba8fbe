import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { Redis } from 'ioredis';
import pino, { type Logger } from 'pino';
import { CLIENT_FRAME_MAX_BYTES } from '../protocol/events.js';
import type { Config } from './config.js';
import type { AppContext } from './context.js';
import { migrateToLatest, openDatabase } from './db/index.js';
import { installErrorHandling, sendProblem, toAppError } from './errors.js';
import { installRequestContext } from './http/request-context.js';
import { installSecurityHeaders } from './http/security-headers.js';
import { SessionCache } from './http/session-cache.js';
import { installWebApp } from './http/web-app.js';
import { createMailSender, MAIL_JOB, type MailMessage } from './jobs/mail.js';
import { JobRunner } from './jobs/queue.js';
import { SecretBox } from './lib/secrets.js';
import { auditRoutes } from './modules/audit/routes.js';
import { identityAdminRoutes } from './modules/identity/admin-routes.js';
import { signInStepRoutes } from './modules/identity/sign-in-routes.js';
import { twoFactorRoutes } from './modules/identity/two-factor-routes.js';
import { installWorkingHours } from './modules/identity/working-hours.js';
import { DiskBlobStore } from './lib/blobs.js';
import { SignInLimits } from './lib/rate-limits.js';
import { PublicUrls } from './lib/urls.js';
import { accountRoutes } from './modules/accounts/routes.js';
import { conversationRoutes } from './modules/chat/conversation-routes.js';
import { fileRoutes } from './modules/files/routes.js';
import { startUploadPruning } from './modules/files/pruning.js';
import { uploadRoutes } from './modules/files/uploads.js';
import { groupCoverRoutes } from './modules/groups/cover-routes.js';
import { groupRoutes } from './modules/groups/routes.js';
import { inviteRoutes } from './modules/invites/routes.js';
import { orgRoutes } from './modules/orgs/routes.js';
import { peopleRoutes } from './modules/people/routes.js';
import { postRoutes } from './modules/posts/routes.js';
import { feedRoutes } from './modules/feed/routes.js';
import { notificationRoutes } from './modules/notifications/routes.js';
import { messageRoutes } from './modules/chat/message-routes.js';
import { presenceRoutes } from './modules/presence/routes.js';
import { searchRoutes } from './modules/search/routes.js';
import { profileRoutes } from './modules/profiles/routes.js';
import { NOTIFY_JOB, runNotifyJob } from './modules/notifications/service.js';
import { installHealth } from './ops/health.js';
import { installMetrics } from './ops/metrics.js';
import { MemoryBus, RedisBus } from './realtime/bus.js';
import { RealtimeGateway, socketErrorHandler } from './realtime/gateway.js';
import { startEventPruning } from './realtime/retention.js';
import { createSfu } from './modules/calls/janus.js';
import { callRoutes } from './modules/calls/routes.js';
import { startCallSweeper } from './modules/calls/sweeper.js';
import { INDEX_FILES_JOB, runIndexFilesJob } from './modules/search/file-indexer.js';
import { IMPORT_PREVIEW_JOB, IMPORT_RUN_JOB, runImportJob, runPreviewJob } from './modules/imports/jobs.js';
import { startImportPruning } from './modules/imports/pruning.js';
import { importRoutes } from './modules/imports/routes.js';
import { ldapRoutes } from './modules/ldap/routes.js';
import { startLdapSchedule } from './modules/ldap/schedule.js';
import { LDAP_SYNC_JOB, runLdapSyncJob } from './modules/ldap/sync.js';
import { ssoRoutes } from './modules/sso/routes.js';
import { scimRoutes } from './modules/scim/routes.js';
import { scimTokenRoutes } from './modules/scim/token-routes.js';
import { documentScopes, installIntegrationGuards } from './modules/integrations/auth.js';
import { integrationAvatarRoutes } from './modules/integrations/avatar-routes.js';
import { integrationRoutes } from './modules/integrations/routes.js';
import { webhookRoutes } from './modules/webhooks/routes.js';
import { WebhookDispatcher } from './modules/webhooks/worker.js';
import { blockActionRoutes } from './modules/blocks/action-routes.js';

const API_DESCRIPTION = [
  'REST API of Commonplace, scoped to the company named by the Host header (`<slug>.<base domain>`).',
  'Errors are RFC 9457 problem+json with a stable `code` and the offending `field`.',
  'Lists use cursor pagination: `?cursor=&limit=` in, `{ items, nextCursor }` out.',
  'State-changing calls made with the session cookie must send the `x-csrf-token` header from GET /api/v1/auth/session.',
  'Realtime: a WebSocket at /api/v1/realtime?after=<last seq seen> delivers `{kind:"event", seq, type, payload, at}` frames,',
  "each person's events numbered 1, 2, 3 …; reconnecting with `after` returns exactly the missed ones in order, or",
  '`{kind:"resync"}` when they are older than the retention window. Event types are defined in protocol/events.ts.',
].join(' ');

export interface Server {
  app: FastifyInstance;
  ctx: AppContext;
  gateway: RealtimeGateway;
  /** The raw websocket server of the realtime endpoint (for operations and tests). */
  websocketServer: FastifyInstance['websocketServer'];
  /** Every route registered, to check that the API description covers them all. */
  routes: Array<{ method: string; url: string; hidden: boolean }>;
  /** Listens and returns the bound port (config.port 0 picks a free one). */
  listen(): Promise<number>;
  /** Graceful: refuse new work, finish in-flight requests, tell sockets to reconnect, close stores. */
  close(): Promise<void>;
}

export interface BuildOptions {
  logger?: Logger;
  /** Where the built web app is; defaults to web/dist. */
  webDist?: string;
}

export async function buildServer(config: Config, opts: BuildOptions = {}): Promise<Server> {
  const log =
    opts.logger ??
    pino({ level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'] });
  const database = openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    onPoolError: (err) => log.warn({ err }, 'database connection lost; it will be replaced'),
    onCheckpointError: (err) => log.warn({ err }, 'background checkpoint failed; SQLite checkpoints at commit instead'),
  });
  await migrateToLatest(database.db);

  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 3 }) : undefined;
  redis?.on('error', (err) => log.warn({ err }, 'redis error'));
  const bus = config.redisUrl ? new RedisBus(config.redisUrl, `${config.redisPrefix}:bus`, log) : new MemoryBus();
  await bus.ready();
  const jobs = new JobRunner(database.db, database.dialect, log, config.workers, config.jobRetryBaseMs);
  const ctx: AppContext = {
    config,
    db: database.db,
    dialect: database.dialect,
    log,
    bus,
    jobs,
    blobs: new DiskBlobStore(join(config.dataDir, 'files')),
    urls: new PublicUrls(config),
    signInLimits: new SignInLimits({
      perIp: config.signInLimitPerIp,
      perAccount: config.signInLimitPerAccount,
      redis,
      prefix: config.redisPrefix,
    }),
    redis,
    sessionCache: new SessionCache(),
    secrets: SecretBox.fromConfig({ encryptionKey: config.encryptionKey, dataDir: config.dataDir }),
    webhooks: { wake: (lanes) => webhooks.wake(lanes) },
  };
  const webhooks = new WebhookDispatcher(ctx);
  const sendMail = createMailSender(config, log);
  jobs.register(MAIL_JOB, (payload) => sendMail(payload as MailMessage));
  jobs.register(NOTIFY_JOB, (payload) => runNotifyJob(ctx, payload));
  jobs.register(INDEX_FILES_JOB, (payload) => runIndexFilesJob(ctx, payload));
  jobs.register(IMPORT_PREVIEW_JOB, (payload, job) => runPreviewJob(ctx, payload, job));
  jobs.register(IMPORT_RUN_JOB, (payload, job) => runImportJob(ctx, payload, job));
  jobs.register(LDAP_SYNC_JOB, (payload, job) => runLdapSyncJob(ctx, payload, job));

  const app = Fastify({
    loggerInstance: log as FastifyBaseLogger,
    trustProxy: config.trustProxy,
    bodyLimit: config.bodyLimit,
    genReqId: () => randomUUID(),
    // Per-request lines only when debugging; /metrics counts requests otherwise.
    logController: new LogController({
      requestIdLogLabel: 'requestId',
      disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace',
    }),
    routerOptions: {
      maxParamLength: 300,
      // Raw request here (no Fastify reply yet): answer problem+json by hand, like every other error.
      onMaxParamLength: (_path, _req, res) => {
        res.statusCode = 414;
        res.setHeader('content-type', 'application/problem+json');
        res.end(
          JSON.stringify({
            type: 'about:blank#uri_too_long',
            title: 'URI Too Long',
            status: 414,
            code: 'uri_too_long',
            detail: 'A part of this address is too long.',
          }),
        );
      },
    },
    frameworkErrors: (err, req, reply) => sendProblem(req, reply, toAppError(err, req)),
  });
  const routes: Server['routes'] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) routes.push({ method, url: route.url, hidden: route.schema?.hide === true });
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Only JSON (and multipart where declared): a cross-site form cannot send either without CORS.
  app.removeContentTypeParser('text/plain');

  await app.register(fastifyCookie);
  installSecurityHeaders(app, { https: config.publicScheme === 'https' });
  await app.register(fastifyMultipart, { limits: { fileSize: config.uploadLimit, files: 1, fields: 5 } });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Commonplace API', version: '1', description: API_DESCRIPTION },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'cp_session' },
          bearer: { type: 'http', scheme: 'bearer', description: 'An integration token (cpi_…); each route names the scope it needs' },
        },
      },
      security: [{ session: [] }],
    },
    transform: documentScopes,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  installErrorHandling(app);
  installRequestContext(app, ctx);
  installIntegrationGuards(app, ctx);
  installWorkingHours(app, ctx);
  const sfu = createSfu(config.calls, ctx.log);
  // Each process would start its own Janus, and people on different processes would never meet in a room.
  if (config.redisUrl && config.calls.sfu === 'embedded') {
    ctx.log.warn('several processes (REDIS_URL) need one media server shared by all for group calls: set SFU=ws://… and SFU_API_SECRET');
  }
  const gateway = new RealtimeGateway(ctx, sfu);
  let shuttingDown = false;
  installMetrics(app, ctx, gateway);
  installHealth(app, ctx, database.ping, () => shuttingDown);
  orgRoutes(app, ctx);
  accountRoutes(app, ctx);
  signInStepRoutes(app, ctx);
  twoFactorRoutes(app, ctx);
  identityAdminRoutes(app, ctx);
  auditRoutes(app, ctx);
  peopleRoutes(app, ctx);
  inviteRoutes(app, ctx);
  fileRoutes(app, ctx);
  uploadRoutes(app, ctx);
  importRoutes(app, ctx);
  profileRoutes(app, ctx);
  groupRoutes(app, ctx);
  groupCoverRoutes(app, ctx);
  postRoutes(app, ctx);
  feedRoutes(app, ctx);
  notificationRoutes(app, ctx);
  messageRoutes(app, ctx);
  conversationRoutes(app, ctx);
  presenceRoutes(app, ctx);
  searchRoutes(app, ctx);
  ldapRoutes(app, ctx);
  ssoRoutes(app, ctx);
  scimTokenRoutes(app, ctx);
  integrationRoutes(app, ctx);
  integrationAvatarRoutes(app, ctx);
  webhookRoutes(app, ctx);
  blockActionRoutes(app, ctx);
  scimRoutes(app, ctx);
  callRoutes(app, ctx, sfu);
  // The websocket plugin wraps every route handler of its scope to spot upgrades; keeping it in a
  // scope of its own spares the REST routes that work on every request.
  let websocketServer: Server['websocketServer'] | undefined;
  await app.register(async (scope) => {
    await scope.register(fastifyWebsocket, { options: { maxPayload: CLIENT_FRAME_MAX_BYTES }, errorHandler: socketErrorHandler });
    gateway.register(scope);
    websocketServer = scope.websocketServer;
  });
  await installWebApp(app, opts.webDist);
  const stopPruning = startEventPruning(ctx);
  const stopUploadPruning = startUploadPruning(ctx);
  const stopImportPruning = startImportPruning(ctx);
  const stopLdapSchedule = startLdapSchedule(ctx);
  const stopCallSweeper = startCallSweeper(ctx);

  return {
    app,
    ctx,
    gateway,
    routes,
    get websocketServer() {
      if (!websocketServer) throw new Error('the realtime endpoint is not registered');
      return websocketServer;
    },
    async listen() {
      await app.listen({ port: config.port, host: config.host });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      ctx.urls.setListeningPort(port);
      jobs.start();
      webhooks.start();
      return port;
    },
    async close() {
      shuttingDown = true;
      stopPruning();
      stopUploadPruning();
      stopImportPruning();
      stopLdapSchedule();
      stopCallSweeper();
      await gateway.closeAll();
      await app.close();
      await webhooks.stop();
      await jobs.stop();
      await sfu.close();
      await bus.close();
      redis?.disconnect();
      await database.close();
    },
  };
}
