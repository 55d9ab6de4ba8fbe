import type { z } from 'zod';
import type { issuedAccessCodeSchema } from '../../../protocol/identity';
import type { Import, ImportMapping, ImportRow } from '../../../protocol/imports';
import { api, ApiError } from './client';
import type { Page } from './types';

export type { Import, ImportField, ImportMapping, ImportOptions, ImportRow } from '../../../protocol/imports';
export type IssuedAccessCode = z.infer<typeof issuedAccessCodeSchema>;
export type RowStatus = ImportRow['status'];

const base = (id: string) => `/api/v1/admin/imports/${encodeURIComponent(id)}`;

export const importKey = (id: string) => ['admin', 'imports', id] as const;
export const importRowsKey = (id: string, status: RowStatus) => ['admin', 'imports', id, 'rows', status] as const;
export const latestImportKey = ['admin', 'imports', 'latest'] as const;

export function uploadImport(file: File): Promise<Import> {
  const form = new FormData();
  form.append('file', file);
  return api('/api/v1/admin/imports', { method: 'POST', form });
}

/** The newest import of the company, to pick up one that is being prepared or running. */
export const fetchLatestImport = async (): Promise<Import | null> =>
  (await api<Page<Import>>('/api/v1/admin/imports', { query: { limit: 1 } })).items[0] ?? null;

export const fetchImport = (id: string): Promise<Import> => api(base(id));

export const saveMapping = (id: string, mapping: ImportMapping): Promise<Import> =>
  api(`${base(id)}/mapping`, { method: 'PUT', body: mapping });

export const startPreview = (id: string): Promise<Import> => api(`${base(id)}/preview`, { method: 'POST' });

export const startRun = (id: string): Promise<Import> => api(`${base(id)}/run`, { method: 'POST' });

export const discardImport = (id: string): Promise<void> => api(base(id), { method: 'DELETE' });

export const fetchImportRows = (id: string, status: RowStatus, cursor?: string): Promise<Page<ImportRow>> =>
  api(`${base(id)}/rows`, { query: { status, cursor, limit: 10 } });

export const errorsCsvUrl = (id: string): string => `${base(id)}/errors.csv`;

export const issueImportCodes = (id: string): Promise<{ items: IssuedAccessCode[]; remaining: number }> =>
  api(`${base(id)}/access-codes`, { method: 'POST' });

/** The printable sheet (PDF) or CSV of codes just issued, saved as a file by the browser. */
export async function downloadCodeSheet(format: 'pdf' | 'csv', codes: IssuedAccessCode[], csrfToken: string): Promise<void> {
  const response = await fetch('/api/v1/admin/access-codes/sheet', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
    body: JSON.stringify({ format, codes: codes.map((c) => ({ personId: c.personId, code: c.code })) }),
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { code?: string; detail?: string };
    throw new ApiError({ status: response.status, code: problem.code ?? `http_${response.status}`, detail: problem.detail ?? '' });
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = `access-codes.${format}`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
