import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { callSchema, iceServersSchema, joinCallSchema, screenShareSchema, startCallSchema } from '../../../protocol/calls.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { requireViewer } from '../../http/request-context.js';
import { idParams, responses, zodApp } from '../../http/route-kit.js';
import { RingLimits } from './ring-limits.js';
import { callForViewer, currentCall, declineCall, joinCall, leaveCall, ringingCalls, shareScreen, startCall } from './service.js';
import type { Sfu } from './sfu.js';
import { iceServersFor } from './turn.js';

/**
 * Calls over HTTP: start (ring), the ongoing call of a conversation, answer or join, decline, leave,
 * screen sharing, and the STUN/TURN servers with short-lived credentials. People only: no route
 * names a token scope, so bots' tokens are refused. Signalling itself goes over the realtime socket.
 */
export function callRoutes(app: FastifyInstance, ctx: AppContext, sfu: Sfu): void {
  const r = zodApp(app);
  const tags = ['calls'];
  const one = responses({ 200: callSchema });
  const rings = new RingLimits(ctx);

  r.post(
    '/api/v1/conversations/:id/calls',
    {
      schema: {
        tags,
        summary:
          'Start an audio or video call from this device (connectionId of my realtime socket): rings every device of the others; one-to-one calls are peer to peer, group calls go through the media server',
        params: idParams,
        body: startCallSchema,
        response: responses({ 201: callSchema }),
      },
    },
    async (req, reply) => {
      const v = requireViewer(req);
      await rings.consume(v.person.id);
      const device = { connectionId: req.body.connectionId, sessionId: v.sessionId };
      return reply.code(201).send(await startCall(ctx, v.person, req.params.id, req.body.media, device, sfu.available()));
    },
  );

  r.get(
    '/api/v1/conversations/:id/calls/current',
    {
      schema: {
        tags,
        summary: 'The call going on in this conversation, or null',
        params: idParams,
        response: responses({ 200: z.object({ call: callSchema.nullable() }) }),
      },
    },
    async (req) => ({ call: await currentCall(ctx, requireViewer(req).person, req.params.id) }),
  );

  r.get(
    '/api/v1/calls/ice-servers',
    {
      schema: {
        tags,
        summary: 'STUN and TURN servers for my calls, with a TURN credential that expires soon',
        response: responses({ 200: iceServersSchema }),
      },
    },
    async (req) => iceServersFor(ctx.config.calls, requireViewer(req).person.id),
  );

  r.get(
    '/api/v1/calls/ringing',
    {
      schema: {
        tags,
        summary: 'The calls ringing me now (a page that opens or reconnects while a call rings shows it)',
        response: responses({ 200: z.object({ items: z.array(callSchema) }) }),
      },
    },
    async (req) => ({ items: await ringingCalls(ctx, requireViewer(req).person) }),
  );

  r.get(
    '/api/v1/calls/:id',
    { schema: { tags, summary: 'A call of a conversation I take part in', params: idParams, response: one } },
    async (req) => callForViewer(ctx, requireViewer(req).person, req.params.id),
  );

  r.post(
    '/api/v1/calls/:id/join',
    {
      schema: {
        tags,
        summary: 'Answer a call ringing for me, or join an ongoing group call, from this device; another device of mine in it hands over',
        params: idParams,
        body: joinCallSchema,
        response: one,
      },
    },
    async (req) => {
      const v = requireViewer(req);
      if (!sfu.available()) {
        const call = await callForViewer(ctx, v.person, req.params.id);
        if (call.mode === 'sfu') throw new AppError(503, 'sfu_unavailable', 'Group calls need the media server, which is not running now.');
      }
      return joinCall(ctx, v.person, req.params.id, { connectionId: req.body.connectionId, sessionId: v.sessionId });
    },
  );

  r.post(
    '/api/v1/calls/:id/decline',
    { schema: { tags, summary: 'Decline a call ringing for me (on every device)', params: idParams, response: one } },
    async (req) => declineCall(ctx, requireViewer(req).person, req.params.id),
  );

  r.post(
    '/api/v1/calls/:id/leave',
    {
      schema: {
        tags,
        summary: 'Hang up; the last one out ends the call, and a one-to-one call ends when either leaves',
        params: idParams,
        response: one,
      },
    },
    async (req) => leaveCall(ctx, requireViewer(req).person, req.params.id),
  );

  r.post(
    '/api/v1/calls/:id/screen',
    {
      schema: {
        tags,
        summary: 'Start or stop sharing my screen: one sharer at a time (409 screen_taken)',
        params: idParams,
        body: screenShareSchema,
        response: one,
      },
    },
    async (req) => shareScreen(ctx, requireViewer(req).person, req.params.id, req.body.sharing),
  );
}
