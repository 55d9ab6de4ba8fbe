import { api } from './client';
import type { AppContextInfo, SignUpResult, SlugCheck, Locale } from './types';

export const fetchContext = (): Promise<AppContextInfo> => api('/api/v1/context');

export const checkSlug = (slug: string, signal?: AbortSignal): Promise<SlugCheck> =>
  api('/api/v1/orgs/slug-check', { query: { slug }, signal });

export interface SignUpInput {
  companyName: string;
  slug: string;
  ownerName: string;
  email: string;
  password: string;
  locale?: Locale;
}

export const signUpCompany = (input: SignUpInput): Promise<SignUpResult> => api('/api/v1/orgs', { method: 'POST', body: input });

export const findCompany = (email: string): Promise<void> => api('/api/v1/find-company', { method: 'POST', body: { email } });
