import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, PASSWORD, signUpCompany, uniqueSlug, type Company } from './support/factories.js';
import { expectProblem, multipart, problemFields, tokenOf } from './support/http.js';
import { startTestServer, type TestServer } from './support/server.js';

const SOME_ID = '01900000-0000-7000-8000-000000000000';
const SOME_TOKEN = 'this-token-was-never-issued-by-anyone';
/** A second id in one path (a group's request or member). */
const OTHER_ID = '01900000-0000-7000-8000-000000000001';

/** Every /api/v1 endpoint, with a body that passes validation, and whether it needs a session. */
const ENDPOINTS: Array<{ method: string; path: string; body?: Record<string, unknown>; query?: boolean; session: boolean }> = [
  { method: 'GET', path: '/api/v1/context', session: false },
  { method: 'GET', path: '/api/v1/orgs/slug-check?slug=free-one', query: true, session: false },
  {
    method: 'POST',
    path: '/api/v1/orgs',
    body: { companyName: 'X', slug: 'some-slug', ownerName: 'X', email: 'x@x.test', password: PASSWORD },
    session: false,
  },
  { method: 'POST', path: '/api/v1/find-company', body: { email: 'x@x.test' }, session: false },
  { method: 'GET', path: '/api/v1/auth/session', session: true },
  { method: 'POST', path: '/api/v1/auth/sign-in', body: { email: 'x@x.test', password: PASSWORD }, session: false },
  { method: 'POST', path: '/api/v1/auth/sign-out', session: true },
  { method: 'POST', path: '/api/v1/auth/password-reset', body: { email: 'x@x.test' }, session: false },
  { method: 'POST', path: '/api/v1/auth/password-reset/complete', body: { token: SOME_TOKEN, password: PASSWORD }, session: false },
  { method: 'PUT', path: '/api/v1/me/password', body: { currentPassword: PASSWORD, newPassword: PASSWORD }, session: true },
  { method: 'GET', path: '/api/v1/me/sessions?limit=5', query: true, session: true },
  { method: 'DELETE', path: `/api/v1/me/sessions/${SOME_ID}`, session: true },
  { method: 'POST', path: '/api/v1/me/sessions/revoke-others', session: true },
  { method: 'GET', path: '/api/v1/me', session: true },
  { method: 'PATCH', path: '/api/v1/me', body: { title: 'T' }, session: true },
  { method: 'GET', path: `/api/v1/people/${SOME_ID}`, session: true },
  { method: 'GET', path: '/api/v1/admin/people?limit=5', query: true, session: true },
  { method: 'PATCH', path: `/api/v1/admin/people/${SOME_ID}`, body: { role: 'member' }, session: true },
  { method: 'POST', path: `/api/v1/admin/people/${SOME_ID}/deactivate`, session: true },
  { method: 'POST', path: `/api/v1/admin/people/${SOME_ID}/reactivate`, session: true },
  { method: 'POST', path: '/api/v1/admin/invites', body: { emails: ['x@x.test'] }, session: true },
  { method: 'GET', path: '/api/v1/admin/invites?limit=5', query: true, session: true },
  { method: 'DELETE', path: `/api/v1/admin/invites/${SOME_ID}`, session: true },
  { method: 'POST', path: '/api/v1/admin/invite-links', body: { maxUses: 2 }, session: true },
  { method: 'GET', path: `/api/v1/invites/${SOME_TOKEN}`, session: false },
  {
    method: 'POST',
    path: `/api/v1/invites/${SOME_TOKEN}/accept`,
    body: { displayName: 'X', email: 'x@x.test', password: PASSWORD },
    session: false,
  },
  { method: 'PUT', path: '/api/v1/me/photo', session: true },
  { method: 'DELETE', path: '/api/v1/me/photo', session: true },
  { method: 'GET', path: `/api/v1/files/${SOME_ID}`, session: true },
  { method: 'POST', path: '/api/v1/uploads', session: true },
  // Profiles, directory, org chart, follows (server/modules/profiles).
  { method: 'GET', path: '/api/v1/people?limit=5', query: true, session: true },
  { method: 'GET', path: '/api/v1/people/facets', session: true },
  { method: 'GET', path: `/api/v1/people/${SOME_ID}/profile`, session: true },
  { method: 'GET', path: `/api/v1/people/${SOME_ID}/org-chart`, session: true },
  { method: 'GET', path: `/api/v1/people/${SOME_ID}/reports?limit=5`, query: true, session: true },
  { method: 'GET', path: `/api/v1/people/${SOME_ID}/followers?limit=5`, query: true, session: true },
  { method: 'GET', path: `/api/v1/people/${SOME_ID}/following?limit=5`, query: true, session: true },
  { method: 'GET', path: `/api/v1/people/${SOME_ID}/groups?limit=5`, query: true, session: true },
  { method: 'PUT', path: `/api/v1/groups/${SOME_ID}/cover`, session: true },
  { method: 'DELETE', path: `/api/v1/groups/${SOME_ID}/cover`, session: true },
  { method: 'POST', path: `/api/v1/people/${SOME_ID}/follow`, session: true },
  { method: 'DELETE', path: `/api/v1/people/${SOME_ID}/follow`, session: true },
  { method: 'GET', path: '/api/v1/me/fields', session: true },
  { method: 'PUT', path: '/api/v1/me/fields', body: { values: {} }, session: true },
  { method: 'PATCH', path: `/api/v1/admin/people/${SOME_ID}/profile`, body: { title: 'T' }, session: true },
  { method: 'PUT', path: `/api/v1/admin/people/${SOME_ID}/fields`, body: { values: {} }, session: true },
  { method: 'GET', path: '/api/v1/admin/profile-fields', session: true },
  { method: 'POST', path: '/api/v1/admin/profile-fields', body: { label: 'L', kind: 'text' }, session: true },
  { method: 'PATCH', path: `/api/v1/admin/profile-fields/${SOME_ID}`, body: { label: 'L' }, session: true },
  { method: 'DELETE', path: `/api/v1/admin/profile-fields/${SOME_ID}`, session: true },
  // Groups (server/modules/groups).
  { method: 'POST', path: '/api/v1/groups', body: { name: 'G' }, session: true },
  { method: 'GET', path: '/api/v1/groups?limit=5', query: true, session: true },
  { method: 'GET', path: `/api/v1/groups/${SOME_ID}`, session: true },
  { method: 'PATCH', path: `/api/v1/groups/${SOME_ID}`, body: { name: 'G' }, session: true },
  { method: 'POST', path: `/api/v1/groups/${SOME_ID}/archive`, session: true },
  { method: 'POST', path: `/api/v1/groups/${SOME_ID}/unarchive`, session: true },
  { method: 'GET', path: `/api/v1/groups/${SOME_ID}/members?limit=5`, query: true, session: true },
  { method: 'POST', path: `/api/v1/groups/${SOME_ID}/join`, session: true },
  { method: 'POST', path: `/api/v1/groups/${SOME_ID}/leave`, session: true },
  { method: 'POST', path: `/api/v1/groups/${SOME_ID}/invitations`, body: { personIds: [SOME_ID] }, session: true },
  { method: 'POST', path: `/api/v1/groups/${SOME_ID}/invitations/accept`, session: true },
  { method: 'POST', path: `/api/v1/groups/${SOME_ID}/invitations/decline`, session: true },
  { method: 'GET', path: `/api/v1/groups/${SOME_ID}/requests?limit=5`, query: true, session: true },
  { method: 'POST', path: `/api/v1/groups/${SOME_ID}/requests/${OTHER_ID}/approve`, session: true },
  { method: 'POST', path: `/api/v1/groups/${SOME_ID}/requests/${OTHER_ID}/decline`, session: true },
  { method: 'DELETE', path: `/api/v1/groups/${SOME_ID}/members/${OTHER_ID}`, session: true },
  { method: 'PATCH', path: `/api/v1/groups/${SOME_ID}/members/${OTHER_ID}`, body: { role: 'member' }, session: true },
  { method: 'PUT', path: `/api/v1/groups/${SOME_ID}/notifications`, body: { level: 'off' }, session: true },
  { method: 'GET', path: '/api/v1/admin/groups?limit=5', query: true, session: true },
  // Posts, comments, reactions (server/modules/posts).
  { method: 'POST', path: '/api/v1/posts', body: { body: 'Hello' }, session: true },
  { method: 'GET', path: `/api/v1/posts/${SOME_ID}`, session: true },
  { method: 'PATCH', path: `/api/v1/posts/${SOME_ID}`, body: { body: 'Hello' }, session: true },
  { method: 'DELETE', path: `/api/v1/posts/${SOME_ID}`, session: true },
  { method: 'POST', path: `/api/v1/posts/${SOME_ID}/pin`, session: true },
  { method: 'POST', path: `/api/v1/posts/${SOME_ID}/unpin`, session: true },
  { method: 'GET', path: `/api/v1/posts/${SOME_ID}/revisions?limit=5`, query: true, session: true },
  { method: 'GET', path: `/api/v1/groups/${SOME_ID}/posts?limit=5`, query: true, session: true },
  { method: 'GET', path: `/api/v1/people/${SOME_ID}/posts?limit=5`, query: true, session: true },
  // Home feed (server/modules/feed).
  { method: 'GET', path: '/api/v1/feed?order=top&limit=5', query: true, session: true },
  { method: 'GET', path: `/api/v1/posts/${SOME_ID}/comments?limit=5`, query: true, session: true },
  { method: 'POST', path: `/api/v1/posts/${SOME_ID}/comments`, body: { body: 'Hi' }, session: true },
  { method: 'GET', path: `/api/v1/comments/${SOME_ID}/replies?limit=5`, query: true, session: true },
  { method: 'PATCH', path: `/api/v1/comments/${SOME_ID}`, body: { body: 'Hi' }, session: true },
  { method: 'DELETE', path: `/api/v1/comments/${SOME_ID}`, session: true },
  { method: 'PUT', path: `/api/v1/posts/${SOME_ID}/reaction`, body: { kind: 'like' }, session: true },
  { method: 'DELETE', path: `/api/v1/posts/${SOME_ID}/reaction`, session: true },
  { method: 'GET', path: `/api/v1/posts/${SOME_ID}/reactions?limit=5`, query: true, session: true },
  { method: 'PUT', path: `/api/v1/comments/${SOME_ID}/reaction`, body: { kind: 'like' }, session: true },
  { method: 'DELETE', path: `/api/v1/comments/${SOME_ID}/reaction`, session: true },
  { method: 'GET', path: `/api/v1/comments/${SOME_ID}/reactions?limit=5`, query: true, session: true },
  // Polls, events, announcements, post approval (server/modules/posts/extra-routes.ts).
  { method: 'PUT', path: `/api/v1/posts/${SOME_ID}/votes`, body: { optionIds: [] }, session: true },
  { method: 'GET', path: `/api/v1/posts/${SOME_ID}/poll/voters?limit=5`, query: true, session: true },
  { method: 'PUT', path: `/api/v1/posts/${SOME_ID}/rsvp`, body: { answer: 'going' }, session: true },
  { method: 'GET', path: `/api/v1/posts/${SOME_ID}/rsvps?limit=5`, query: true, session: true },
  { method: 'PUT', path: `/api/v1/posts/${SOME_ID}/seen`, session: true },
  { method: 'GET', path: `/api/v1/posts/${SOME_ID}/seen-by?limit=5`, query: true, session: true },
  { method: 'POST', path: `/api/v1/posts/${SOME_ID}/approve`, session: true },
  { method: 'POST', path: `/api/v1/posts/${SOME_ID}/decline`, session: true },
  { method: 'GET', path: `/api/v1/groups/${SOME_ID}/pending-posts?limit=5`, query: true, session: true },
  // Notifications (server/modules/notifications).
  { method: 'GET', path: '/api/v1/notifications?limit=5', query: true, session: true },
  { method: 'GET', path: '/api/v1/notifications/unread-count', session: true },
  { method: 'POST', path: `/api/v1/notifications/${SOME_ID}/read`, session: true },
  { method: 'POST', path: '/api/v1/notifications/read-all', session: true },
  // Conversations (server/modules/chat, conversation-routes.ts).
  { method: 'POST', path: '/api/v1/conversations', body: { kind: 'direct', personId: SOME_ID }, session: true },
  { method: 'GET', path: '/api/v1/conversations?limit=5', query: true, session: true },
  { method: 'GET', path: `/api/v1/conversations/${SOME_ID}`, session: true },
  { method: 'PATCH', path: `/api/v1/conversations/${SOME_ID}`, body: { name: 'N' }, session: true },
  { method: 'PUT', path: `/api/v1/conversations/${SOME_ID}/settings`, body: { muted: true }, session: true },
  { method: 'GET', path: `/api/v1/conversations/${SOME_ID}/members?limit=5`, query: true, session: true },
  { method: 'POST', path: `/api/v1/conversations/${SOME_ID}/members`, body: { personIds: [OTHER_ID] }, session: true },
  { method: 'DELETE', path: `/api/v1/conversations/${SOME_ID}/members/${OTHER_ID}`, session: true },
  { method: 'POST', path: `/api/v1/conversations/${SOME_ID}/read`, body: { seq: 1 }, session: true },
  { method: 'GET', path: `/api/v1/conversations/${SOME_ID}/receipts`, session: true },
  { method: 'POST', path: `/api/v1/conversations/${SOME_ID}/calls`, body: { media: 'audio', connectionId: 'c1' }, session: true },
  { method: 'GET', path: `/api/v1/conversations/${SOME_ID}/calls/current`, session: true },
  { method: 'GET', path: '/api/v1/calls/ice-servers', session: true },
  { method: 'GET', path: '/api/v1/calls/ringing', session: true },
  { method: 'GET', path: `/api/v1/calls/${SOME_ID}`, session: true },
  { method: 'POST', path: `/api/v1/calls/${SOME_ID}/join`, body: { connectionId: 'c1' }, session: true },
  { method: 'POST', path: `/api/v1/calls/${SOME_ID}/decline`, session: true },
  { method: 'POST', path: `/api/v1/calls/${SOME_ID}/leave`, session: true },
  { method: 'POST', path: `/api/v1/calls/${SOME_ID}/screen`, body: { sharing: true }, session: true },
  // Messages (server/modules/chat, message-routes.ts).
  { method: 'POST', path: `/api/v1/conversations/${SOME_ID}/messages`, body: { clientKey: 'key-12345678', body: 'Hi' }, session: true },
  { method: 'GET', path: `/api/v1/conversations/${SOME_ID}/messages?limit=5`, query: true, session: true },
  { method: 'PATCH', path: `/api/v1/messages/${SOME_ID}`, body: { body: 'Hi' }, session: true },
  { method: 'DELETE', path: `/api/v1/messages/${SOME_ID}`, session: true },
  { method: 'PUT', path: `/api/v1/messages/${SOME_ID}/reaction`, body: { kind: 'like' }, session: true },
  { method: 'DELETE', path: `/api/v1/messages/${SOME_ID}/reaction`, session: true },
  { method: 'GET', path: '/api/v1/chat/unread', session: true },
  // Search (server/modules/search).
  { method: 'GET', path: '/api/v1/search?q=coffee', query: true, session: true },
  { method: 'GET', path: '/api/v1/search/typeahead?q=co', query: true, session: true },
  // Presence (server/modules/presence).
  { method: 'GET', path: `/api/v1/presence?ids=${SOME_ID}`, query: true, session: true },
  // Sign-in steps, access codes, second factor (server/modules/identity).
  { method: 'GET', path: `/api/v1/auth/sign-in/challenge?challenge=${SOME_TOKEN}`, query: true, session: false },
  { method: 'POST', path: '/api/v1/auth/sign-in/totp-setup', body: { challenge: SOME_TOKEN }, session: false },
  { method: 'POST', path: '/api/v1/auth/sign-in/totp', body: { challenge: SOME_TOKEN, code: '123456' }, session: false },
  { method: 'POST', path: '/api/v1/auth/sign-in/terms', body: { challenge: SOME_TOKEN, accept: true }, session: false },
  { method: 'POST', path: '/api/v1/auth/access-code/check', body: { code: 'ABCD-EFGH-JKMN' }, session: false },
  { method: 'POST', path: '/api/v1/auth/access-code/claim', body: { code: 'ABCD-EFGH-JKMN', password: PASSWORD }, session: false },
  { method: 'GET', path: '/api/v1/me/two-factor', session: true },
  { method: 'POST', path: '/api/v1/me/two-factor/setup', session: true },
  { method: 'POST', path: '/api/v1/me/two-factor/confirm', body: { code: '123456' }, session: true },
  { method: 'POST', path: '/api/v1/me/two-factor/recovery-codes', body: { code: '123456' }, session: true },
  { method: 'POST', path: '/api/v1/me/two-factor/disable', body: { code: '123456' }, session: true },
  { method: 'DELETE', path: '/api/v1/me/remembered-devices', session: true },
  { method: 'POST', path: `/api/v1/admin/people/${SOME_ID}/two-factor/reset`, session: true },
  { method: 'GET', path: '/api/v1/admin/identity-settings', session: true },
  { method: 'PATCH', path: '/api/v1/admin/identity-settings', body: { rememberDeviceDays: 7 }, session: true },
  { method: 'POST', path: '/api/v1/admin/people', body: { displayName: 'Ana', username: 'ana' }, session: true },
  { method: 'POST', path: '/api/v1/admin/access-codes', body: { personIds: [SOME_ID] }, session: true },
  { method: 'GET', path: '/api/v1/admin/access-codes?limit=5', query: true, session: true },
  { method: 'DELETE', path: `/api/v1/admin/access-codes/${SOME_ID}`, session: true },
  {
    method: 'POST',
    path: '/api/v1/admin/access-codes/sheet',
    body: { format: 'csv', codes: [{ personId: SOME_ID, code: 'ABCD-EFGH-JKMN' }] },
    session: true,
  },
  // Audit log (server/modules/audit).
  { method: 'GET', path: '/api/v1/admin/audit-log?limit=5', query: true, session: true },
  { method: 'GET', path: '/api/v1/admin/audit-log/export?action=auth', query: true, session: true },
  // Bulk import of people (server/modules/imports); the upload is multipart, like /api/v1/uploads.
  { method: 'POST', path: '/api/v1/admin/imports', session: true },
  { method: 'GET', path: '/api/v1/admin/imports?limit=5', query: true, session: true },
  { method: 'GET', path: `/api/v1/admin/imports/${SOME_ID}`, session: true },
  {
    method: 'PUT',
    path: `/api/v1/admin/imports/${SOME_ID}/mapping`,
    body: { columns: { name: 'Name', email: 'Email' }, options: { match: 'email' } },
    session: true,
  },
  { method: 'POST', path: `/api/v1/admin/imports/${SOME_ID}/preview`, session: true },
  { method: 'POST', path: `/api/v1/admin/imports/${SOME_ID}/run`, session: true },
  { method: 'GET', path: `/api/v1/admin/imports/${SOME_ID}/rows?limit=5`, query: true, session: true },
  { method: 'GET', path: `/api/v1/admin/imports/${SOME_ID}/errors.csv`, session: true },
  { method: 'POST', path: `/api/v1/admin/imports/${SOME_ID}/access-codes`, session: true },
  { method: 'DELETE', path: `/api/v1/admin/imports/${SOME_ID}`, session: true },
  // LDAP / Active Directory sync (server/modules/ldap).
  { method: 'GET', path: '/api/v1/admin/ldap', session: true },
  {
    method: 'PUT',
    path: '/api/v1/admin/ldap',
    body: { url: 'ldap://ldap.example.test', bindDn: 'cn=sync,dc=example', bindPassword: 'x', baseDn: 'dc=example', preset: 'ad' },
    session: true,
  },
  { method: 'DELETE', path: '/api/v1/admin/ldap', session: true },
  { method: 'POST', path: '/api/v1/admin/ldap/test', body: {}, session: true },
  { method: 'POST', path: '/api/v1/admin/ldap/sync', body: { dryRun: true }, session: true },
  { method: 'GET', path: '/api/v1/admin/ldap/runs?limit=5', query: true, session: true },
  { method: 'GET', path: `/api/v1/admin/ldap/runs/${SOME_ID}`, session: true },
  // Single sign-on (server/modules/sso); the browser's paths under /auth/sso are not API routes.
  { method: 'GET', path: '/api/v1/admin/sso', session: true },
  {
    method: 'PUT',
    path: '/api/v1/admin/sso',
    body: { protocol: 'oidc', issuer: 'https://idp.example.test', clientId: 'c', clientSecret: 's' },
    session: true,
  },
  { method: 'DELETE', path: '/api/v1/admin/sso', session: true },
  { method: 'POST', path: '/api/v1/admin/sso/test', body: {}, session: true },
  { method: 'GET', path: '/api/v1/auth/sso', session: false },
  // SCIM tokens (server/modules/scim); the SCIM endpoint itself is /scim/v2, outside /api/v1.
  { method: 'POST', path: '/api/v1/admin/scim-tokens', body: { name: 'Entra ID' }, session: true },
  { method: 'GET', path: '/api/v1/admin/scim-tokens?limit=5', query: true, session: true },
  { method: 'DELETE', path: `/api/v1/admin/scim-tokens/${SOME_ID}`, session: true },
  { method: 'POST', path: '/api/v1/admin/integrations', body: { name: 'Bot', scopes: [] }, session: true },
  { method: 'GET', path: '/api/v1/admin/integrations?limit=5', query: true, session: true },
  { method: 'GET', path: `/api/v1/admin/integrations/${SOME_ID}`, session: true },
  { method: 'PATCH', path: `/api/v1/admin/integrations/${SOME_ID}`, body: { name: 'Bot' }, session: true },
  { method: 'DELETE', path: `/api/v1/admin/integrations/${SOME_ID}`, session: true },
  { method: 'POST', path: `/api/v1/admin/integrations/${SOME_ID}/tokens`, body: {}, session: true },
  { method: 'GET', path: `/api/v1/admin/integrations/${SOME_ID}/tokens`, session: true },
  { method: 'POST', path: `/api/v1/admin/integrations/${SOME_ID}/tokens/${OTHER_ID}/rotate`, body: {}, session: true },
  { method: 'DELETE', path: `/api/v1/admin/integrations/${SOME_ID}/tokens/${OTHER_ID}`, session: true },
  { method: 'PUT', path: `/api/v1/admin/integrations/${SOME_ID}/groups`, body: { groupIds: [] }, session: true },
  { method: 'PUT', path: `/api/v1/admin/integrations/${SOME_ID}/avatar`, session: true },
  { method: 'DELETE', path: `/api/v1/admin/integrations/${SOME_ID}/avatar`, session: true },
  { method: 'GET', path: `/api/v1/admin/integrations/${SOME_ID}/groups`, session: true },
  // Webhooks of an integration (server/modules/webhooks).
  {
    method: 'POST',
    path: `/api/v1/admin/integrations/${SOME_ID}/webhooks`,
    body: { url: 'https://bots.example.com/hook', events: ['mention'] },
    session: true,
  },
  { method: 'GET', path: `/api/v1/admin/integrations/${SOME_ID}/webhooks`, session: true },
  { method: 'GET', path: `/api/v1/admin/integrations/${SOME_ID}/webhooks/${OTHER_ID}`, session: true },
  { method: 'PATCH', path: `/api/v1/admin/integrations/${SOME_ID}/webhooks/${OTHER_ID}`, body: { enabled: true }, session: true },
  { method: 'DELETE', path: `/api/v1/admin/integrations/${SOME_ID}/webhooks/${OTHER_ID}`, session: true },
  { method: 'POST', path: `/api/v1/admin/integrations/${SOME_ID}/webhooks/${OTHER_ID}/secret`, session: true },
  {
    method: 'GET',
    path: `/api/v1/admin/integrations/${SOME_ID}/webhooks/${OTHER_ID}/deliveries?limit=5`,
    query: true,
    session: true,
  },
  {
    method: 'POST',
    path: `/api/v1/admin/integrations/${SOME_ID}/webhooks/${OTHER_ID}/deliveries/${SOME_ID}/redeliver`,
    session: true,
  },
  { method: 'GET', path: '/api/v1/admin/integration-settings', session: true },
  { method: 'POST', path: `/api/v1/messages/${SOME_ID}/actions`, body: { actionId: 'book' }, session: true },
  { method: 'POST', path: `/api/v1/posts/${SOME_ID}/actions`, body: { actionId: 'book' }, session: true },
  { method: 'PUT', path: '/api/v1/admin/integration-settings', body: { allowedHosts: [] }, session: true },
];

/** The route pattern of a concrete path from the table, to compare with what the server registered. */
const pattern = (path: string) =>
  (path.split('?')[0] ?? '')
    .replace(SOME_ID, ':id')
    .replace(SOME_TOKEN, ':token')
    .replace(`/requests/${OTHER_ID}`, '/requests/:requestId')
    .replace(`/members/${OTHER_ID}`, '/members/:personId')
    .replace(`/tokens/${OTHER_ID}`, '/tokens/:tokenId')
    .replace(`/webhooks/${OTHER_ID}`, '/webhooks/:webhookId')
    .replace(`/deliveries/${SOME_ID}`, '/deliveries/:deliveryId');

describe.each(DIALECTS)('bad input on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let member: Client & { personId: string };

  beforeAll(async () => {
    t = await startTestServer({ dialect });
    acme = await signUpCompany(t);
    member = await addPerson(t, acme, { name: 'Mel Member' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the table above covers every /api/v1 route the server has', () => {
    const served = t.server.routes
      .filter((r) => r.url.startsWith('/api/v1/') && r.method !== 'HEAD' && !r.hidden && r.url !== '/api/v1/realtime')
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    expect(ENDPOINTS.map((e) => `${e.method} ${pattern(e.path)}`).sort()).toEqual(served);
  });

  it('every endpoint that needs a session answers 401 without one, before anything else', async () => {
    for (const e of ENDPOINTS.filter((x) => x.session)) {
      const res = await t.client(acme.slug).call(e.method, e.path, e.body);
      expect({ endpoint: `${e.method} ${e.path}`, status: res.status }).toEqual({ endpoint: `${e.method} ${e.path}`, status: 401 });
      expectProblem(res, 401, 'unauthenticated');
    }
  });

  it('every endpoint refuses an unknown body or query field by name', async () => {
    for (const e of ENDPOINTS) {
      if (e.body) {
        const res = await acme.owner.call(e.method, e.path, { ...e.body, zzz: 1 });
        expect({ endpoint: `${e.method} ${e.path}`, status: res.status, field: res.body.field }).toEqual({
          endpoint: `${e.method} ${e.path}`,
          status: 400,
          field: 'zzz',
        });
      }
      if (e.query) {
        const res = await acme.owner.call(e.method, `${e.path}&zzz=1`);
        expect({ endpoint: `${e.method} ${e.path}`, status: res.status, field: res.body.field }).toEqual({
          endpoint: `${e.method} ${e.path}`,
          status: 400,
          field: 'zzz',
        });
      }
    }
    expect((await acme.owner.get('/api/v1/me')).body.title).toBeNull();
  });

  it('malformed JSON is a 400 invalid_json naming the body', async () => {
    for (const text of ['{"email": "a@b.test", "password": ', '{email: 1}', "{'a': 1}", 'undefined']) {
      expectProblem(
        await t.client(acme.slug).call('POST', '/api/v1/auth/sign-in', text, { 'content-type': 'application/json' }),
        400,
        'invalid_json',
        'body',
      );
    }
    expectProblem(
      await member.call('PATCH', '/api/v1/me', '{"title": "x",}', { 'content-type': 'application/json' }),
      400,
      'invalid_json',
      'body',
    );
    // A JSON value that is not an object is valid JSON but the wrong shape.
    for (const text of ['[]', '"text"', '42', 'null']) {
      expectProblem(
        await t.client(acme.slug).call('POST', '/api/v1/auth/sign-in', text, { 'content-type': 'application/json' }),
        400,
        'invalid_input',
      );
    }
  });

  it('wrong types are a 400 naming each field', async () => {
    const res = await t.client(acme.slug).post('/api/v1/auth/sign-in', { email: 123, password: true });
    expectProblem(res, 400, 'invalid_input');
    expect(problemFields(res)).toEqual(['email', 'password']);
    expectProblem(await member.patch('/api/v1/me', { displayName: ['a'] }), 400, 'invalid_input', 'displayName');
    expectProblem(await member.patch('/api/v1/me', { locale: { en: true } }), 400, 'invalid_input', 'locale');
    expectProblem(await acme.owner.post('/api/v1/admin/invite-links', { maxUses: 1e9 }), 400, 'invalid_input', 'maxUses');
    expectProblem(await acme.owner.post('/api/v1/admin/invites', { emails: [{ email: 'x@x.test' }] }), 400, 'invalid_input', 'emails.0');
    expectProblem(await acme.owner.get('/api/v1/admin/people?limit=ten'), 400, 'invalid_input', 'limit');
  });

  it('refuses prototype-polluting keys without harm', async () => {
    const res = await member.call('PATCH', '/api/v1/me', '{"__proto__": {"role": "owner"}, "title": "x"}', {
      'content-type': 'application/json',
    });
    expectProblem(res, 400, 'invalid_json', 'body');
    const me = await member.get('/api/v1/me');
    expect(me.body).toMatchObject({ role: 'member', title: null });
    expect(({} as Record<string, unknown>).role).toBeUndefined();
  });

  it('a 10 MB body gets 413 and the server keeps serving', async () => {
    const huge = JSON.stringify({ email: 'a@b.test', password: 'x'.repeat(10 * 1024 * 1024) });
    const res = await t.client(acme.slug).call('POST', '/api/v1/auth/sign-in', huge);
    expectProblem(res, 413, 'body_too_large');
    expect(res.body.detail).toBe('The request body is larger than the limit of 1048576 bytes.');
    const photo = multipart('photo', 'big.png', 'image/png', Buffer.alloc(11 * 1024 * 1024, 1));
    expectProblem(await member.call('PUT', '/api/v1/me/photo', photo.body, photo.headers), 413, 'file_too_large', 'photo');
    expect((await member.get('/api/v1/me')).status).toBe(200);
    expect((await t.client(acme.slug).post('/api/v1/auth/sign-in', { email: `owner@${acme.slug}.test`, password: PASSWORD })).status).toBe(
      200,
    );
  });

  it('300-character e-mail addresses are refused everywhere, naming the field', async () => {
    const long = `${'a'.repeat(280)}@example.test`;
    expect(long.length).toBeGreaterThan(290);
    const c = t.client(acme.slug);
    expectProblem(await c.post('/api/v1/auth/sign-in', { email: long, password: PASSWORD }), 400, 'invalid_input', 'email');
    expectProblem(await c.post('/api/v1/auth/password-reset', { email: long }), 400, 'invalid_input', 'email');
    expectProblem(await t.root().post('/api/v1/find-company', { email: long }), 400, 'invalid_input', 'email');
    expectProblem(
      await t.root().post('/api/v1/orgs', { companyName: 'X', slug: uniqueSlug(), ownerName: 'X', email: long, password: PASSWORD }),
      400,
      'invalid_input',
      'email',
    );
    expectProblem(await acme.owner.post('/api/v1/admin/invites', { emails: [long] }), 400, 'invalid_input', 'emails.0');
    const link = await acme.owner.post('/api/v1/admin/invite-links', { maxUses: 1 });
    expectProblem(
      await c.post(`/api/v1/invites/${tokenOf(link.body.url)}/accept`, { displayName: 'L', email: long, password: PASSWORD }),
      400,
      'invalid_input',
      'email',
    );
  });

  it('SQL and HTML in text fields are stored and returned verbatim', async () => {
    const nasty = [
      `Robert'); DROP TABLE people;--`,
      '<script>alert("x")</script>',
      `" OR 1=1 --`,
      '<img src=x onerror=alert(1)>',
      `\\'; SELECT pg_sleep(5); --`,
    ];
    const slug = uniqueSlug('sql');
    const signUp = await t
      .root()
      .post('/api/v1/orgs', { companyName: nasty[1], slug, ownerName: nasty[0], email: `o@${slug}.test`, password: PASSWORD });
    expect(signUp.status).toBe(201);
    expect(signUp.body.org.name).toBe(nasty[1]);
    expect((await t.client(slug).get('/api/v1/context')).body.org.name).toBe(nasty[1]);

    for (const text of nasty) {
      const res = await member.patch('/api/v1/me', { displayName: text, title: text, department: text });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ displayName: text, title: text, department: text });
      expect((await acme.owner.get(`/api/v1/people/${member.personId}`)).body).toMatchObject({
        displayName: text,
        title: text,
        department: text,
      });
    }
    const link = await acme.owner.post('/api/v1/admin/invite-links', { maxUses: 1 });
    const joined = await t.client(acme.slug).post(`/api/v1/invites/${tokenOf(link.body.url)}/accept`, {
      displayName: nasty[3],
      email: `html-${slug}@x.test`,
      password: PASSWORD,
    });
    expect(joined.body.person.displayName).toBe(nasty[3]);
    // The tables are all still there, and searches treat the text as text.
    expect((await acme.owner.get('/api/v1/admin/people?limit=100')).body.items.length).toBeGreaterThanOrEqual(3);
    const hits = await acme.owner.get(`/api/v1/admin/people?q=${encodeURIComponent(`" OR 1=1`)}`);
    expect(hits.status).toBe(200);
    expect(hits.body.items).toEqual([]);
  });

  it('search wildcards match literally', async () => {
    const co = await signUpCompany(t);
    const pct = await addPerson(t, co, { name: '100% Sure' });
    const under = await addPerson(t, co, { name: 'Snake_Case' });
    await addPerson(t, co, { name: 'Plain Person' });
    const ids = async (q: string) =>
      (await co.owner.get(`/api/v1/admin/people?q=${encodeURIComponent(q)}`)).body.items.map((p: { id: string }) => p.id);
    expect(await ids('%')).toEqual([pct.personId]);
    expect(await ids('_')).toEqual([under.personId]);
    expect(await ids('\\')).toEqual([]);
  });

  it('a Host that names no company: 404 on company endpoints; the bare domain and foreign hosts have no company', async () => {
    const nowhere = t.client('no-such-company-at-all');
    for (const [method, path] of [
      ['GET', '/api/v1/me'],
      ['GET', '/api/v1/auth/session'],
      ['GET', '/api/v1/admin/people'],
      ['GET', `/api/v1/invites/${SOME_TOKEN}`],
    ] as const) {
      expectProblem(await nowhere.call(method, path), 404, 'not_found');
    }
    expectProblem(await nowhere.post('/api/v1/auth/sign-in', { email: `owner@${acme.slug}.test`, password: PASSWORD }), 404, 'not_found');
    expect((await nowhere.get('/api/v1/context')).body.org).toBeNull();
    const bare = await t.root().get('/api/v1/context');
    expect(bare.body).toEqual({ baseUrl: `http://localhost:${t.port}`, org: null });
    expectProblem(await t.root().get('/api/v1/me'), 404, 'not_found');
    const foreign = new Client(t.port, `${acme.slug}.evil.example`);
    expect((await foreign.get('/api/v1/context')).body.org).toBeNull();
    expectProblem(await foreign.post('/api/v1/auth/sign-in', { email: `owner@${acme.slug}.test`, password: PASSWORD }), 404, 'not_found');
    // Upper case and a trailing dot still name the company.
    const shouting = new Client(t.port, `${acme.slug.toUpperCase()}.LOCALHOST.:${t.port}`);
    expect((await shouting.get('/api/v1/context')).body.org?.slug).toBe(acme.slug);
  });

  it('unknown routes and methods are problem+json 404s', async () => {
    const res = await acme.owner.get('/api/v1/no-such-thing?x=1');
    expectProblem(res, 404, 'not_found');
    expect(res.body.detail).toBe('No route GET /api/v1/no-such-thing');
    expectProblem(await acme.owner.call('DELETE', '/api/v1/me'), 404, 'not_found');
    expectProblem(await acme.owner.get('/api/v2/me'), 404, 'not_found');
    expectProblem(await acme.owner.get('/healthz/nope'), 404, 'not_found');
    expectProblem(await acme.owner.post('/auth/nope', {}), 404, 'not_found');
  });

  it('a NUL byte in an id is a 400 naming it, and the server keeps serving', async () => {
    expectProblem(await acme.owner.get(`/api/v1/people/${SOME_ID}%00`), 400, 'invalid_input', 'id');
    expectProblem(await acme.owner.post(`/api/v1/admin/people/%00${SOME_ID}/deactivate`), 400, 'invalid_input', 'id');
    expect((await acme.owner.get('/api/v1/me')).status).toBe(200);
  });
});
