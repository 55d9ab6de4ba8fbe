import type { PeopleTable } from '../db/schema.js';

export interface Viewer {
  person: PeopleTable;
  sessionId: string;
  csrfToken: string;
}

interface Entry {
  viewer: Viewer;
  expiresAt: number;
  cachedAt: number;
}

const TTL_MS = 5_000;
const MAX_ENTRIES = 50_000;

/**
 * Sessions looked up in the last few seconds, by token hash, so most requests skip the database.
 * Revocations and person changes `forget` entries on every process (through the bus). A lookup that
 * was in flight while something was forgotten is not cached (`generation`), so a revoked session
 * cannot come back into the cache from a read that started before the revocation.
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private generationCounter = 0;

  get generation(): number {
    return this.generationCounter;
  }

  get(tokenHash: string, orgId: string, now: number): Viewer | null {
    const e = this.entries.get(tokenHash);
    if (!e) return null;
    if (now - e.cachedAt >= TTL_MS || e.expiresAt <= now || e.viewer.person.org_id !== orgId) {
      this.entries.delete(tokenHash);
      return null;
    }
    return e.viewer;
  }

  /** Caches a lookup that began at `generation`, unless something was forgotten since. */
  set(tokenHash: string, viewer: Viewer, expiresAt: number, generation: number, now: number): void {
    if (generation !== this.generationCounter) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(tokenHash, { viewer, expiresAt, cachedAt: now });
  }

  delete(tokenHash: string): void {
    this.entries.delete(tokenHash);
  }

  forget(match: { personId?: string | undefined; sessionIds?: string[] | undefined }): void {
    this.generationCounter++;
    for (const [key, e] of this.entries) {
      if ((match.personId && e.viewer.person.id === match.personId) || match.sessionIds?.includes(e.viewer.sessionId)) {
        this.entries.delete(key);
      }
    }
  }
}
