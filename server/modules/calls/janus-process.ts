import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync, readdirSync, realpathSync } from 'node:fs';
import { mkdtemp, rm, symlink, mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import type { Logger } from 'pino';
import { JanusConnection } from './janus-client.js';

/**
 * The embedded media server: Janus started as a child process with a configuration of our own
 * (only the VideoRoom plugin and the WebSocket transport on 127.0.0.1, a fresh API secret), in a
 * temporary folder removed when it stops.
 */

export interface JanusInstall {
  bin: string;
  plugins: string;
  transports: string;
}

export interface JanusProcessOptions {
  rtpPorts: { from: number; to: number };
  /** The address browsers reach this machine at when it is behind a 1:1 NAT. */
  publicIp?: string;
  /** STUN servers (stun:host:port); Janus uses the first to learn its public address when none is given. */
  stunUrls?: string[];
  logger: Logger;
}

const READY_TIMEOUT_MS = 15_000;
const START_ATTEMPTS = 3;

/** Where the binary and its VideoRoom and WebSocket modules are, or null when Janus is not installed. */
export function findJanus(bin: string): JanusInstall | null {
  const path = bin.includes('/')
    ? bin
    : (process.env.PATH ?? '')
        .split(delimiter)
        .map((dir) => join(dir, bin))
        .find(isExecutable);
  if (!path || !isExecutable(path)) return null;
  // Packages put the modules under <prefix>/lib/<arch>/janus (Debian) or <prefix>/lib/janus (a source build).
  const prefix = dirname(dirname(realpathSync(path)));
  const libs = [join(prefix, 'lib'), join(prefix, 'lib64')];
  const candidates: string[] = [];
  for (const lib of libs) {
    candidates.push(join(lib, 'janus'));
    if (existsSync(lib)) for (const arch of readdirSync(lib)) candidates.push(join(lib, arch, 'janus'));
  }
  const home = candidates.find(
    (dir) => existsSync(join(dir, 'plugins', 'libjanus_videoroom.so')) && existsSync(join(dir, 'transports', 'libjanus_websockets.so')),
  );
  return home ? { bin: path, plugins: join(home, 'plugins'), transports: join(home, 'transports') } : null;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** A TCP port free right now on 127.0.0.1 (the kernel's pick). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export class JanusProcess {
  private child: ChildProcess | null = null;
  private dir: string | null = null;
  private exitListeners: Array<(reason: string) => void> = [];
  private endpoint: { url: string; apiSecret: string } | null = null;
  /** Takes the child down with us if this process exits without stop(). */
  private readonly killOnExit = (): void => {
    this.child?.kill('SIGKILL');
  };

  constructor(
    private readonly install: JanusInstall,
    private readonly options: JanusProcessOptions,
  ) {}

  /** The child's process id while it runs (a benchmark reads its CPU time from /proc). */
  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  /**
   * Where its WebSocket API listens and the secret it asks for, while it runs: what other server
   * processes are given (SFU, SFU_API_SECRET) to share this one.
   */
  get address(): { url: string; apiSecret: string } | null {
    return this.child ? this.endpoint : null;
  }

  /** Called when the child exits on its own after it was ready. */
  onExit(listener: (reason: string) => void): void {
    this.exitListeners.push(listener);
  }

  /** Starts Janus and connects to it; retries on another port when the one picked was taken meanwhile. */
  async start(): Promise<JanusConnection> {
    let lastError: Error | null = null;
    for (let attempt = 0; attempt < START_ATTEMPTS; attempt++) {
      try {
        return await this.startOnce();
      } catch (error) {
        lastError = error as Error;
        await this.stop();
      }
    }
    throw lastError ?? new Error('the media server did not start');
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    this.endpoint = null;
    process.off('exit', this.killOnExit);
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await exited;
      clearTimeout(timer);
    }
    if (this.dir) {
      await rm(this.dir, { recursive: true, force: true });
      this.dir = null;
    }
  }

  private async startOnce(): Promise<JanusConnection> {
    const port = await freePort();
    const apiSecret = randomBytes(24).toString('base64url');
    const dir = await mkdtemp(join(tmpdir(), 'janus-'));
    this.dir = dir;
    await this.writeConfig(dir, port, apiSecret);

    const child = spawn(this.install.bin, ['-F', join(dir, 'conf'), '-C', join(dir, 'conf', 'janus.jcfg')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    process.once('exit', this.killOnExit);
    const output: string[] = [];
    const remember = (chunk: Buffer): void => {
      for (const line of chunk.toString().split('\n')) {
        if (!line.trim()) continue;
        output.push(line);
        if (output.length > 20) output.shift();
        this.options.logger.debug({ janus: line }, 'media server');
      }
    };
    child.stdout?.on('data', remember);
    child.stderr?.on('data', remember);
    let exitReason: string | null = null;
    child.once('error', (error) => (exitReason = error.message));
    child.once('exit', (code, signal) => {
      exitReason ??= `exited with ${signal ?? `code ${code}`}`;
      if (this.child === child) {
        this.child = null;
        for (const listener of this.exitListeners) listener(`the media server ${exitReason}`);
      }
    });

    const url = `ws://127.0.0.1:${port}`;
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      if (exitReason !== null) {
        throw new Error(`the media server ${exitReason} before it was ready: ${output.slice(-5).join(' | ')}`);
      }
      try {
        const connection = await JanusConnection.connect(url, { apiSecret, timeoutMs: 2_000 });
        await connection.info();
        this.endpoint = { url, apiSecret };
        this.options.logger.info({ pid: child.pid, port }, 'media server started');
        return connection;
      } catch (error) {
        if (Date.now() > deadline) {
          throw new Error(`the media server did not answer within ${READY_TIMEOUT_MS / 1000} s: ${(error as Error).message}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  private async writeConfig(dir: string, port: number, apiSecret: string): Promise<void> {
    const conf = join(dir, 'conf');
    const plugins = join(dir, 'plugins');
    const transports = join(dir, 'transports');
    await Promise.all([mkdir(conf), mkdir(plugins), mkdir(transports), mkdir(join(dir, 'none'))]);
    // Folders holding only the two modules we use: nothing else is loaded, whatever is installed.
    await symlink(join(this.install.plugins, 'libjanus_videoroom.so'), join(plugins, 'libjanus_videoroom.so'));
    await symlink(join(this.install.transports, 'libjanus_websockets.so'), join(transports, 'libjanus_websockets.so'));

    const { rtpPorts, publicIp, stunUrls } = this.options;
    const stun = publicIp ? undefined : stunUrls?.map(parseStun).find((s) => s !== null);
    const nat = [
      // Half-trickle: Janus puts its own candidates in its SDP, so the browser needs no candidates from us.
      'full_trickle = false',
      'ice_tcp = false',
      'ice_lite = false',
      // Loopback and container bridges are no use to a browser on another machine; a browser on this
      // one reaches the machine's own address.
      'ice_ignore_list = "vmnet,docker,br-,veth"',
      publicIp ? `nat_1_1_mapping = "${publicIp}"` : null,
      publicIp ? 'keep_private_host = true' : null,
      stun ? `stun_server = "${stun.host}"` : null,
      stun ? `stun_port = ${stun.port}` : null,
      stun ? 'ignore_unreachable_ice_server = true' : null,
    ];
    const janus = `general: {
  configs_folder = "${conf}"
  plugins_folder = "${plugins}"
  transports_folder = "${transports}"
  events_folder = "${join(dir, 'none')}"
  loggers_folder = "${join(dir, 'none')}"
  log_to_stdout = true
  debug_level = 3
  debug_colors = false
  api_secret = "${apiSecret}"
  session_timeout = 60
  server_name = "commonplace"
}
media: {
  rtp_port_range = "${rtpPorts.from}-${rtpPorts.to}"
}
nat: {
${nat
  .filter(Boolean)
  .map((line) => `  ${line}`)
  .join('\n')}
}
events: {
  broadcast = false
}
`;
    const websockets = `general: {
  json = "plain"
  ws = true
  ws_port = ${port}
  ws_ip = "127.0.0.1"
  wss = false
}
admin: {
  admin_ws = false
  admin_wss = false
}
`;
    // Room ids are strings, so a room is named by its call id.
    const videoroom = `general: {
  string_ids = true
  events = false
}
`;
    await Promise.all([
      writeFile(join(conf, 'janus.jcfg'), janus),
      writeFile(join(conf, 'janus.transport.websockets.jcfg'), websockets),
      writeFile(join(conf, 'janus.plugin.videoroom.jcfg'), videoroom),
    ]);
  }
}

function parseStun(url: string): { host: string; port: number } | null {
  const match = /^stuns?:([^:?]+)(?::(\d+))?/.exec(url);
  return match ? { host: match[1]!, port: Number(match[2] ?? 3478) } : null;
}
