import type { ScimToken, ScimTokenCreated } from '../../../protocol/scim';
import { api } from './client';
import type { Page } from './types';

export type { ScimToken, ScimTokenCreated } from '../../../protocol/scim';

const BASE = '/api/v1/admin/scim-tokens';

/** Where a company's SCIM endpoint lives after its address (SCIM_BASE_PATH on the server). */
export const SCIM_PATH = '/scim/v2';

export const scimTokensKey = ['admin', 'scim', 'tokens'] as const;

export const fetchScimTokens = (cursor?: string): Promise<Page<ScimToken>> => api(BASE, { query: { cursor, limit: 20 } });

/** The answer holds the token itself: the only time it is ever shown. */
export const createScimToken = (name: string): Promise<ScimTokenCreated> => api(BASE, { method: 'POST', body: { name } });

export const revokeScimToken = (id: string): Promise<void> => api(`${BASE}/${encodeURIComponent(id)}`, { method: 'DELETE' });
