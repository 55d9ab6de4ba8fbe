import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { cachedIdentitySettings, withinWorkingHours } from './settings.js';
import { outsideHoursError } from './sign-in-flow.js';

/** What a frontline person outside working hours may still do: see who they are, sign out. */
const ALWAYS_OPEN = new Set(['/api/v1/auth/session', '/api/v1/auth/sign-out', '/api/v1/context']);

/**
 * Frontline staff of a company that limits them to working hours get no access outside them, even
 * with a session made earlier: every API call (and the realtime connection) answers 403
 * `outside_working_hours` with the hours, which the app shows instead of the page.
 */
export function installWorkingHours(app: FastifyInstance, ctx: AppContext): void {
  app.addHook('preHandler', async (req) => {
    const person = req.viewer?.person;
    if (!person || person.frontline !== 1 || !req.url.startsWith('/api/')) return;
    if (ALWAYS_OPEN.has(req.url.split('?')[0] ?? '')) return;
    const settings = await cachedIdentitySettings(ctx, person.org_id);
    if (!withinWorkingHours(settings.workingHours)) throw outsideHoursError(settings);
  });
}
