import type { z } from 'zod';
import type {
  Integration,
  integrationSettingsSchema,
  integrationTokenCreatedSchema,
  integrationTokenSchema,
  Scope,
  WebhookEventType,
} from '../../../protocol/integrations';
import type { Webhook, webhookDetailSchema, WebhookDelivery, webhookWithSecretSchema } from '../../../protocol/webhooks';
import { api } from './client';
import type { AdminGroup } from './groups';
import type { Page } from './types';

export type { Integration, Scope, WebhookEventType } from '../../../protocol/integrations';
export type { Webhook, WebhookDelivery } from '../../../protocol/webhooks';
export type IntegrationToken = z.infer<typeof integrationTokenSchema>;
export type IntegrationTokenCreated = z.infer<typeof integrationTokenCreatedSchema>;
export type IntegrationSettings = z.infer<typeof integrationSettingsSchema>;
export type WebhookDetail = z.infer<typeof webhookDetailSchema>;
export type WebhookWithSecret = z.infer<typeof webhookWithSecretSchema>;

export { SCOPES, WEBHOOK_EVENTS } from '../../../protocol/integration-names';

const BASE = '/api/v1/admin/integrations';
const one = (id: string) => `${BASE}/${encodeURIComponent(id)}`;
const hooks = (id: string) => `${one(id)}/webhooks`;
const hook = (id: string, webhookId: string) => `${hooks(id)}/${encodeURIComponent(webhookId)}`;

export const integrationsKey = ['admin', 'integrations'] as const;
export const integrationKey = (id: string) => ['admin', 'integrations', id] as const;
export const integrationTokensKey = (id: string) => ['admin', 'integrations', id, 'tokens'] as const;
export const integrationGroupsKey = (id: string) => ['admin', 'integrations', id, 'groups'] as const;
export const webhooksKey = (id: string) => ['admin', 'integrations', id, 'webhooks'] as const;
export const webhookKey = (id: string, webhookId: string) => ['admin', 'integrations', id, 'webhooks', webhookId] as const;
export const deliveriesKey = (id: string, webhookId: string) => ['admin', 'integrations', id, 'webhooks', webhookId, 'deliveries'] as const;
export const integrationSettingsKey = ['admin', 'integration-settings'] as const;

export interface IntegrationInput {
  name: string;
  description?: string;
  scopes: Scope[];
}
export interface IntegrationPatch {
  name?: string;
  description?: string | null;
  scopes?: Scope[];
  disabled?: boolean;
}

export const fetchIntegrations = (cursor?: string): Promise<Page<Integration>> => api(BASE, { query: { cursor, limit: 25 } });
export const fetchIntegration = (id: string): Promise<Integration> => api(one(id));
export const createIntegration = (input: IntegrationInput): Promise<Integration> => api(BASE, { method: 'POST', body: input });
export const updateIntegration = (id: string, patch: IntegrationPatch): Promise<Integration> =>
  api(one(id), { method: 'PATCH', body: patch });
export function uploadIntegrationAvatar(id: string, file: File): Promise<Integration> {
  const form = new FormData();
  form.append('photo', file);
  return api(`${one(id)}/avatar`, { method: 'PUT', form });
}
export const removeIntegrationAvatar = (id: string): Promise<Integration> => api(`${one(id)}/avatar`, { method: 'DELETE' });
export const removeIntegration = (id: string): Promise<void> => api(one(id), { method: 'DELETE' });

export const fetchIntegrationTokens = (id: string): Promise<{ items: IntegrationToken[] }> => api(`${one(id)}/tokens`);
/** The answer holds the token itself: the only time it is ever shown. */
export const createIntegrationToken = (id: string, expiresInDays?: number): Promise<IntegrationTokenCreated> =>
  api(`${one(id)}/tokens`, { method: 'POST', body: expiresInDays ? { expiresInDays } : {} });
export const rotateIntegrationToken = (id: string, tokenId: string, expiresInDays?: number): Promise<IntegrationTokenCreated> =>
  api(`${one(id)}/tokens/${encodeURIComponent(tokenId)}/rotate`, { method: 'POST', body: expiresInDays ? { expiresInDays } : {} });
export const revokeIntegrationToken = (id: string, tokenId: string): Promise<void> =>
  api(`${one(id)}/tokens/${encodeURIComponent(tokenId)}`, { method: 'DELETE' });

export const fetchIntegrationGroups = (id: string): Promise<{ groupIds: string[] }> => api(`${one(id)}/groups`);
export const setIntegrationGroups = (id: string, groupIds: string[]): Promise<{ groupIds: string[] }> =>
  api(`${one(id)}/groups`, { method: 'PUT', body: { groupIds } });

export const fetchIntegrationSettings = (): Promise<IntegrationSettings> => api('/api/v1/admin/integration-settings');
export const saveIntegrationSettings = (allowedHosts: string[]): Promise<IntegrationSettings> =>
  api('/api/v1/admin/integration-settings', { method: 'PUT', body: { allowedHosts } });

export interface WebhookInput {
  url: string;
  events: WebhookEventType[];
}
export interface WebhookPatch {
  url?: string;
  events?: WebhookEventType[];
  enabled?: boolean;
}

export const fetchWebhooks = (id: string): Promise<{ items: Webhook[] }> => api(hooks(id));
export const fetchWebhook = (id: string, webhookId: string): Promise<WebhookDetail> => api(hook(id, webhookId));
/** The address must answer the signed check first; the secret is in this answer only. */
export const createWebhook = (id: string, input: WebhookInput): Promise<WebhookWithSecret> =>
  api(hooks(id), { method: 'POST', body: input });
export const updateWebhook = (id: string, webhookId: string, patch: WebhookPatch): Promise<Webhook> =>
  api(hook(id, webhookId), { method: 'PATCH', body: patch });
export const removeWebhook = (id: string, webhookId: string): Promise<void> => api(hook(id, webhookId), { method: 'DELETE' });
export const rollWebhookSecret = (id: string, webhookId: string): Promise<WebhookWithSecret> =>
  api(`${hook(id, webhookId)}/secret`, { method: 'POST' });

export const DELIVERIES_PAGE_SIZE = 20;
export const fetchDeliveries = (id: string, webhookId: string, cursor?: string): Promise<Page<WebhookDelivery>> =>
  api(`${hook(id, webhookId)}/deliveries`, { query: { cursor, limit: DELIVERIES_PAGE_SIZE } });
export const redeliver = (id: string, webhookId: string, deliveryId: string): Promise<WebhookDelivery> =>
  api(`${hook(id, webhookId)}/deliveries/${encodeURIComponent(deliveryId)}/redeliver`, { method: 'POST' });

/** Turned off by a person (the server writes "turned off by <name>"), not by repeated failures. */
export const offByHand = (w: Pick<Webhook, 'enabled' | 'disabledReason'>): boolean =>
  !w.enabled && (w.disabledReason ?? '').startsWith('turned off by ');

export interface GroupChoice {
  id: string;
  name: string;
  visibility: 'open' | 'closed' | 'secret';
  archived: boolean;
}
export const groupChoicesKey = ['admin', 'integrations', 'group-choices'] as const;
/** Every group of the company (secret ones too), by name, to pick the bot's groups from. */
export async function fetchGroupChoices(): Promise<GroupChoice[]> {
  const out: GroupChoice[] = [];
  let cursor: string | undefined;
  // 2,000 groups at most: past that a company would want a search, not a list.
  for (let i = 0; i < 20; i++) {
    const page: Page<AdminGroup> = await api('/api/v1/admin/groups', { query: { cursor, limit: 100 } });
    out.push(...page.items.map((g) => ({ id: g.id, name: g.name, visibility: g.visibility, archived: g.archivedAt !== null })));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return out;
}
