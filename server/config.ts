import { z } from 'zod';

/**
 * Environment → typed config. Every variable is documented in README.md; keep the two in step.
 * Invalid values stop the process at start with a message naming the variable.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  BASE_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+(:\d+)?$/i, 'a host name with an optional port, e.g. example.com or localhost:3000')
    .default('localhost:3000'),
  PUBLIC_SCHEME: z.enum(['http', 'https']).default('http'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  REDIS_URL: z.string().optional(),
  REDIS_PREFIX: z
    .string()
    .regex(/^[a-z0-9:_-]+$/i)
    .default('commonplace'),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Commonplace <no-reply@localhost>'),
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v === '' || v === 'false' ? false : v === 'true' ? true : v)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  EVENT_RETENTION_HOURS: z.coerce.number().positive().default(72),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  UPLOAD_LIMIT_BYTES: z.coerce.number().int().min(1024).default(10_485_760),
  IMPORT_LIMIT_BYTES: z.coerce.number().int().min(1024).default(52_428_800),
  IMPORT_BATCH_ROWS: z.coerce.number().int().min(1).max(5000).default(500),
  SIGNIN_LIMIT_PER_IP: z.coerce.number().int().min(1).default(30),
  SIGNIN_LIMIT_PER_ACCOUNT: z.coerce.number().int().min(1).default(10),
  WORKERS: z.coerce.number().int().min(0).max(64).default(2),
  JOB_RETRY_BASE_MS: z.coerce.number().int().min(1).default(1000),
  NOTIFY_INLINE_LIMIT: z.coerce.number().int().min(1).default(200),
  CHAT_SEND_LIMIT: z.coerce.number().int().min(1).default(30),
  INTEGRATION_RATE_LIMIT: z.coerce.number().int().min(1).default(600),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(5000),
  WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8),
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(8),
  WEBHOOK_DISABLE_AFTER: z.coerce.number().int().min(1).default(10),
  ENCRYPTION_KEY: z.string().min(16, 'at least 16 characters').optional(),
  REALTIME_HEARTBEAT_MS: z.coerce.number().int().min(1000).default(30_000),
  // Calls (server/modules/calls). The media server of group calls: `embedded` starts Janus as a child
  // process when its binary is found; `off` has none (group calls answer 503); a ws:// URL uses a
  // Janus run apart (its WebSocket API, with SFU_API_SECRET).
  SFU: z
    .string()
    .regex(/^(embedded|off|wss?:\/\/.+)$/, 'embedded, off, or the ws:// address of a Janus WebSocket API')
    .default('embedded'),
  SFU_API_SECRET: z.string().optional(),
  JANUS_BIN: z.string().default('janus'),
  /** UDP ports the embedded Janus uses for media, "from-to". */
  SFU_RTP_PORTS: z
    .string()
    .regex(/^\d{1,5}-\d{1,5}$/, 'a range such as 20000-20999')
    .default('20000-20999'),
  /** The address browsers reach the media server at, when it is behind NAT (Janus nat_1_1_mapping). */
  SFU_PUBLIC_IP: z.string().optional(),
  /** Comma-separated STUN addresses given to browsers (stun:host:port). */
  STUN_URLS: z.string().default(''),
  /** Comma-separated TURN addresses (turn:host:3478?transport=udp, turns:host:443?transport=tcp). */
  TURN_URLS: z.string().default(''),
  /** The secret shared with coturn (static-auth-secret): our server signs short-lived TURN credentials with it. */
  TURN_SECRET: z.string().optional(),
  TURN_TTL_S: z.coerce.number().int().min(60).max(86_400).default(3600),
  /** true: every call goes through TURN (browsers use relay candidates only), so no one learns another's network address. */
  CALLS_RELAY_ONLY: z.enum(['true', 'false']).default('false'),
  /** How long a call rings before it counts as missed. */
  CALL_RING_TIMEOUT_S: z.coerce.number().int().min(5).max(300).default(45),
});

export type Env = z.input<typeof envSchema>;

export interface Config {
  port: number;
  host: string;
  /** Host name (no port) under which companies live as sub-domains. */
  baseHostname: string;
  /** Port written into links; 0 means "the port the server actually listens on". */
  basePort: number | null;
  publicScheme: 'http' | 'https';
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  /** Prefix of Redis keys and channels, so installations (or test runs) can share one Redis. */
  redisPrefix: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  trustProxy: boolean | string;
  logLevel: string;
  sessionTtlMs: number;
  eventRetentionMs: number;
  bodyLimit: number;
  uploadLimit: number;
  /** Largest people file (CSV or XLSX) an admin may import. */
  importLimit: number;
  /** Rows an import writes per transaction. */
  importBatchRows: number;
  signInLimitPerIp: number;
  signInLimitPerAccount: number;
  workers: number;
  jobRetryBaseMs: number;
  /** Notifications to more people than this are written by a background job, in batches. */
  notifyInlineLimit: number;
  /** Chat messages one person may send per 10 seconds (all their devices and the server's processes together). */
  chatSendLimit: number;
  /** Requests per minute one integration token may make. */
  integrationRateLimit: number;
  /** Webhook requests: until the answer's headers (connecting included); the whole answer may take twice this. */
  webhookTimeoutMs: number;
  /** Webhook requests in flight per process. */
  webhookConcurrency: number;
  /** Attempts per webhook delivery before it is given up as failed. */
  webhookMaxAttempts: number;
  /** Deliveries failed in a row after which a webhook is turned off. */
  webhookDisableAfter: number;
  realtimeHeartbeatMs: number;
  /** Key for secrets stored encrypted (lib/secrets.ts); unset: a key file in the data folder. */
  encryptionKey: string | undefined;
  calls: CallsConfig;
}

export interface CallsConfig {
  /** 'embedded' (start Janus as a child process if found), 'off', or the ws:// URL of a Janus run apart. */
  sfu: string;
  sfuApiSecret: string | undefined;
  janusBin: string;
  rtpPorts: { from: number; to: number };
  sfuPublicIp: string | undefined;
  stunUrls: string[];
  turnUrls: string[];
  turnSecret: string | undefined;
  turnTtlS: number;
  /** Browsers are told to use TURN relays only (when TURN is configured). */
  relayOnly: boolean;
  ringTimeoutMs: number;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const [hostname, port] = e.BASE_DOMAIN.toLowerCase().split(':') as [string, string | undefined];
  return {
    port: e.PORT,
    host: e.HOST,
    baseHostname: hostname,
    basePort: port === undefined ? null : Number(port),
    publicScheme: e.PUBLIC_SCHEME,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL || undefined,
    redisUrl: e.REDIS_URL || undefined,
    redisPrefix: e.REDIS_PREFIX,
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    sessionTtlMs: e.SESSION_DAYS * 86_400_000,
    eventRetentionMs: e.EVENT_RETENTION_HOURS * 3_600_000,
    realtimeHeartbeatMs: e.REALTIME_HEARTBEAT_MS,
    encryptionKey: e.ENCRYPTION_KEY || undefined,
    bodyLimit: e.BODY_LIMIT_BYTES,
    uploadLimit: e.UPLOAD_LIMIT_BYTES,
    importLimit: e.IMPORT_LIMIT_BYTES,
    importBatchRows: e.IMPORT_BATCH_ROWS,
    signInLimitPerIp: e.SIGNIN_LIMIT_PER_IP,
    signInLimitPerAccount: e.SIGNIN_LIMIT_PER_ACCOUNT,
    workers: e.WORKERS,
    jobRetryBaseMs: e.JOB_RETRY_BASE_MS,
    notifyInlineLimit: e.NOTIFY_INLINE_LIMIT,
    chatSendLimit: e.CHAT_SEND_LIMIT,
    integrationRateLimit: e.INTEGRATION_RATE_LIMIT,
    webhookTimeoutMs: e.WEBHOOK_TIMEOUT_MS,
    webhookConcurrency: e.WEBHOOK_CONCURRENCY,
    webhookMaxAttempts: e.WEBHOOK_MAX_ATTEMPTS,
    webhookDisableAfter: e.WEBHOOK_DISABLE_AFTER,
    calls: {
      sfu: e.SFU,
      sfuApiSecret: e.SFU_API_SECRET || undefined,
      janusBin: e.JANUS_BIN,
      rtpPorts: rtpRange(e.SFU_RTP_PORTS),
      sfuPublicIp: e.SFU_PUBLIC_IP || undefined,
      stunUrls: list(e.STUN_URLS),
      turnUrls: list(e.TURN_URLS),
      turnSecret: e.TURN_SECRET || undefined,
      turnTtlS: e.TURN_TTL_S,
      relayOnly: e.CALLS_RELAY_ONLY === 'true',
      ringTimeoutMs: e.CALL_RING_TIMEOUT_S * 1000,
    },
  };
}

function list(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function rtpRange(value: string): { from: number; to: number } {
  const [from, to] = value.split('-').map(Number) as [number, number];
  if (from < 1024 || to > 65535 || to - from < 10)
    throw new Error('Invalid configuration:\n  SFU_RTP_PORTS: a range of at least 10 ports within 1024-65535');
  return { from, to };
}
