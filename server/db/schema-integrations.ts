/** Table types of bots and integrations (migration 0020_integrations). */

export interface IntegrationsTable {
  id: string;
  org_id: string;
  /** The person (people.is_bot = 1) the integration acts as. */
  bot_person_id: string;
  name: string;
  description: string | null;
  /** JSON array of scope names (protocol/integrations.ts SCOPES). */
  scopes: string;
  created_by: string;
  created_at: number;
  updated_at: number;
  /** Set: its tokens stop working and its webhooks get nothing; the bot person is deactivated. */
  disabled_at: number | null;
  /** Set by removal (migration 0021): disabled for good, every token revoked; the row stays for the record. */
  removed_at: number | null;
}

export interface IntegrationTokensTable {
  id: string;
  org_id: string;
  integration_id: string;
  /** sha256 of the token; the token is shown once. */
  token_hash: string;
  /** The token's first characters, to tell tokens apart in lists. */
  prefix: string;
  created_by: string;
  created_at: number;
  last_used_at: number | null;
  expires_at: number | null;
  revoked_at: number | null;
  revoked_by: string | null;
}

export interface IntegrationSettingsTable {
  org_id: string;
  /** JSON array of host names webhooks may reach even on loopback or private addresses. */
  allowed_hosts: string;
  updated_at: number;
}

export type WebhookStatus = 'active' | 'disabled';

export interface WebhooksTable {
  id: string;
  org_id: string;
  integration_id: string;
  url: string;
  /** JSON array of webhook event types (protocol/integrations.ts WEBHOOK_EVENTS). */
  events: string;
  /** The signing secret, sealed with the server key (lib/secrets.ts). */
  secret_sealed: string;
  status: WebhookStatus;
  /** Failed deliveries in a row; reset by a success. */
  failures: number;
  disabled_reason: string | null;
  verified_at: number | null;
  created_by: string;
  created_at: number;
  updated_at: number;
}

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed' | 'skipped';

export interface WebhookDeliveriesTable {
  id: string;
  org_id: string;
  webhook_id: string;
  /** The event's id, the same for every webhook it goes to (receivers de-duplicate on it). */
  event_id: string;
  event_type: string;
  /** Deliveries with the same key (a conversation, a group) go out one after the other, in order. */
  ordering_key: string;
  /** What the bot must still see when the delivery is attempted: 'group', 'conversation' or 'post'. */
  scope_kind: string | null;
  scope_id: string | null;
  /** The JSON body sent. */
  payload: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  next_attempt_at: number;
  last_status: number | null;
  last_error: string | null;
  last_duration_ms: number | null;
  created_at: number;
  delivered_at: number | null;
}

export interface IntegrationsDatabase {
  integrations: IntegrationsTable;
  integration_tokens: IntegrationTokensTable;
  integration_settings: IntegrationSettingsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
}
