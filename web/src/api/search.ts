import type { z } from 'zod';
import type { searchPageSchema, SearchResult, SearchResultKind, Typeahead } from '../../../protocol/search';
import { api } from './client';

export type { SearchResult, SearchResultKind, Snippet, Typeahead } from '../../../protocol/search';
export type SearchPage = z.infer<typeof searchPageSchema>;

export interface SearchFilter {
  q: string;
  type: SearchResultKind | '';
  sort: 'relevance' | 'date';
  /** A date (YYYY-MM-DD): only what was written from then on. */
  from?: string | undefined;
  group?: string | undefined;
  author?: string | undefined;
}

export const fetchSearch = (f: SearchFilter, cursor?: string): Promise<SearchPage> =>
  api('/api/v1/search', {
    query: { q: f.q, type: f.type || undefined, sort: f.sort, from: f.from, group: f.group, author: f.author, cursor, limit: 20 },
  });

/** Where a result leads: the post, the conversation, the group. */
export function resultLink(r: SearchResult): string {
  switch (r.kind) {
    case 'post':
      return `/posts/${r.id}`;
    case 'comment':
      return `/posts/${r.postId}`;
    case 'message':
      return `/chat/${r.conversationId}`;
    case 'group':
      return `/groups/${r.id}`;
    case 'file':
      return r.postId ? `/posts/${r.postId}` : `/chat/${r.conversationId ?? ''}`;
  }
}

export const fetchTypeahead = (q: string): Promise<Typeahead> => api('/api/v1/search/typeahead', { query: { q: q.slice(0, 100) } });
