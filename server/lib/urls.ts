import type { Config } from '../config.js';

/**
 * Builds the public addresses of companies. BASE_DOMAIN may carry port 0 (tests), in which case the
 * port the server actually listens on is used once known.
 */
export class PublicUrls {
  private listeningPort: number | null = null;
  constructor(private readonly config: Config) {}

  setListeningPort(port: number): void {
    this.listeningPort = port;
  }

  private hostSuffix(): string {
    const port = this.config.basePort === 0 ? this.listeningPort : this.config.basePort;
    return port ? `${this.config.baseHostname}:${port}` : this.config.baseHostname;
  }

  base(): string {
    return `${this.config.publicScheme}://${this.hostSuffix()}`;
  }

  org(slug: string, path = '/'): string {
    return `${this.config.publicScheme}://${slug}.${this.hostSuffix()}${path}`;
  }

  /** The company slug a Host header names, '' for the bare base domain, null for a foreign host. */
  slugFromHostname(hostname: string): string | null {
    const host = hostname.toLowerCase().replace(/\.$/, '');
    const base = this.config.baseHostname;
    if (host === base) return '';
    if (!host.endsWith(`.${base}`)) return null;
    const slug = host.slice(0, -(base.length + 1));
    return /^[a-z0-9-]+$/.test(slug) ? slug : null;
  }
}
