import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Secrets the server must read back (authenticator seeds, LDAP bind passwords, SSO client secrets)
 * are stored encrypted with AES-256-GCM under one server key: `ENCRYPTION_KEY` when set (required
 * when several processes share a database, so they all hold the same key), otherwise a random key
 * made once in `DATA_DIR/secret.key` (mode 0600). A database copy alone then reveals none of them.
 */
export class SecretBox {
  private constructor(private readonly key: Buffer) {}

  static fromConfig(opts: { encryptionKey: string | undefined; dataDir: string }): SecretBox {
    if (opts.encryptionKey) return new SecretBox(createHash('sha256').update(opts.encryptionKey).digest());
    const file = join(opts.dataDir, 'secret.key');
    try {
      return new SecretBox(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'));
    } catch {
      mkdirSync(opts.dataDir, { recursive: true });
      const key = randomBytes(32);
      try {
        // 'wx': two processes starting together on one folder keep the first key written.
        writeFileSync(file, key.toString('base64'), { mode: 0o600, flag: 'wx' });
        return new SecretBox(key);
      } catch {
        return new SecretBox(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'));
      }
    }
  }

  /** `v1.<iv>.<tag>.<ciphertext>`, base64url parts. */
  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
  }

  /** Throws when the value was sealed with another key or altered. */
  open(sealed: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('not a sealed secret');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }
}
