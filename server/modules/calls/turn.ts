import { createHmac } from 'node:crypto';
import type { IceServers } from '../../../protocol/calls.js';
import type { CallsConfig } from '../../config.js';

/**
 * STUN and TURN servers for a person's browser, with a TURN credential that works for
 * `turnTtlS` seconds (the TURN REST API scheme, draft-uberti-behave-turn-rest, which coturn
 * checks with `use-auth-secret` and `static-auth-secret`).
 *
 * The username is `<expiry in unix seconds>:<personId>` and the credential is
 * base64(HMAC-SHA1(secret, username)). coturn recomputes the HMAC from the shared secret and
 * refuses the username once its expiry has passed, so nothing is stored per person and a leaked
 * credential stops working by itself. The person id in the username shows who used the relay in
 * coturn's log.
 *
 * TURN servers are only given when a secret is configured: without it there is no credential
 * coturn would accept. STUN needs no credential. `relayOnly` (CALLS_RELAY_ONLY) makes browsers use
 * the relay alone, which only means something when there is one.
 */
export function iceServersFor(calls: CallsConfig, personId: string, now = Date.now()): IceServers {
  const iceServers: IceServers['iceServers'] = [];
  if (calls.stunUrls.length > 0) iceServers.push({ urls: [...calls.stunUrls] });
  if (calls.turnUrls.length === 0 || !calls.turnSecret) return { iceServers, expiresAt: null, iceTransportPolicy: 'all' };

  const expiryS = Math.floor(now / 1000) + calls.turnTtlS;
  const username = `${expiryS}:${personId}`;
  const credential = createHmac('sha1', calls.turnSecret).update(username).digest('base64');
  iceServers.push({ urls: [...calls.turnUrls], username, credential });
  return { iceServers, expiresAt: new Date(expiryS * 1000).toISOString(), iceTransportPolicy: calls.relayOnly ? 'relay' : 'all' };
}
