import type { AppContext } from '../../context.js';
import type { OrgsTable, ScimTokensTable } from '../../db/schema.js';
import type { ProvisioningAudit } from '../identity/provisioning.js';
import type { AdminRefresh } from './admin-refresh.js';
import { ScimError } from './errors.js';
import { scimActor } from './tokens.js';

/** Who is calling the SCIM endpoint: the company of the Host, the token used, where from. */
export interface ScimCaller {
  ctx: AppContext;
  org: OrgsTable;
  token: ScimTokensTable;
  ip: string;
  /** The endpoint's address, e.g. https://acme.example.com/scim/v2 (for meta.location). */
  base: string;
  refresh: AdminRefresh;
}

export const auditOf = (c: ScimCaller): ProvisioningAudit => ({ actor: scimActor(c.token), ip: c.ip, via: 'scim' });

export const etagOf = (version: number): string => `W/"${version}"`;

export const iso = (ms: number): string => new Date(Number(ms)).toISOString();

/**
 * If-Match (RFC 7644 §3.14): the write goes ahead only when one of the versions sent is the
 * current one (compared weakly: W/ or not), or it is `*`.
 */
export function checkIfMatch(header: string | undefined, version: number): void {
  if (header === undefined || header.trim() === '' || header.trim() === '*') return;
  const wanted = header.split(',').map((t) => t.trim().replace(/^W\//i, ''));
  if (!wanted.includes(`"${version}"`)) {
    throw new ScimError(412, null, `The resource changed: its version is ${etagOf(version)}, not ${header.slice(0, 100)}.`);
  }
}

/** A version strictly after `previous`, so every write gives a new ETag even within one millisecond. */
export const nextVersion = (previous: number): number => Math.max(Date.now(), previous + 1);
