import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { page } from '../../../protocol/api.js';
import { issuedAccessCodeSchema } from '../../../protocol/identity.js';
import {
  importMappingSchema,
  importRowSchema,
  importRowsQuerySchema,
  importSchema,
  importsQuerySchema,
  type ImportColumns,
} from '../../../protocol/imports.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../errors.js';
import { decodeCursor, encodeCursor } from '../../http/pagination.js';
import { requireAdmin } from '../../http/request-context.js';
import { idParams, noContent, responses, zodApp } from '../../http/route-kit.js';
import { toCsv } from '../../lib/csv.js';
import { iso } from '../people/present.js';
import { readOneFile } from '../files/multipart.js';
import { claimUrl } from '../identity/access-code-sheet.js';
import { discardImport, issueImportCodes, saveMapping, startPreview, startRun, uploadImport } from './service.js';
import { columnOf, findImport, listImports, listRows, parseMapping, presentImport, presentRow } from './store.js';

/** Bulk import of people (admins): upload, columns, dry run, run with live progress, results. */
export function importRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = zodApp(app);
  const tags = ['admin'];
  const found = async (orgId: string, id: string) => {
    const imp = await findImport(ctx.db, orgId, id);
    if (!imp) throw notFound('No such import.');
    return imp;
  };

  r.post(
    '/api/v1/admin/imports',
    {
      schema: {
        tags,
        summary: 'Upload a people file (multipart field "file": CSV or XLSX); answers its columns, first rows and suggested mapping',
        consumes: ['multipart/form-data'],
        response: responses({ 201: importSchema }),
      },
    },
    async (req, reply) => {
      const v = requireAdmin(req);
      const file = await readOneFile(req, 'file', 'The file', ctx.config.importLimit);
      const imp = await uploadImport(ctx, v.person, file, req.ip);
      return reply.code(201).send(await presentImport(ctx.db, imp));
    },
  );

  r.get(
    '/api/v1/admin/imports',
    {
      schema: { tags, summary: 'Imports, newest first', querystring: importsQuerySchema, response: responses({ 200: page(importSchema) }) },
    },
    async (req) => {
      const v = requireAdmin(req);
      const before = decodeCursor<[number, string]>(req.query.cursor, ['number', 'string']);
      const rows = await listImports(ctx.db, v.org.id, before, req.query.limit);
      const items = rows.slice(0, req.query.limit);
      const last = items[items.length - 1];
      return {
        items: await Promise.all(items.map((i) => presentImport(ctx.db, i))),
        nextCursor: rows.length > req.query.limit && last ? encodeCursor([Number(last.created_at), last.id]) : null,
      };
    },
  );

  r.get(
    '/api/v1/admin/imports/:id',
    { schema: { tags, summary: 'An import: status, progress and counts', params: idParams, response: responses({ 200: importSchema }) } },
    async (req) => {
      const v = requireAdmin(req);
      return presentImport(ctx.db, await found(v.org.id, req.params.id));
    },
  );

  r.put(
    '/api/v1/admin/imports/:id/mapping',
    {
      schema: {
        tags,
        summary: "Choose the file's column for each field, the matching key and what new people receive",
        params: idParams,
        body: importMappingSchema,
        response: responses({ 200: importSchema }),
      },
    },
    async (req) => {
      const v = requireAdmin(req);
      return presentImport(ctx.db, await saveMapping(ctx, v.person, req.params.id, req.body, req.ip));
    },
  );

  r.post(
    '/api/v1/admin/imports/:id/preview',
    {
      schema: {
        tags,
        summary: 'Dry run (a background job): what every row would do, nothing changed',
        params: idParams,
        response: responses({ 202: importSchema }),
      },
    },
    async (req, reply) => {
      const v = requireAdmin(req);
      return reply.code(202).send(await presentImport(ctx.db, await startPreview(ctx, v.person, req.params.id, req.ip)));
    },
  );

  r.post(
    '/api/v1/admin/imports/:id/run',
    {
      schema: {
        tags,
        summary: 'Run the import (a background job; follow GET …/:id), or resume one that failed',
        params: idParams,
        response: responses({ 202: importSchema }),
      },
    },
    async (req, reply) => {
      const v = requireAdmin(req);
      return reply.code(202).send(await presentImport(ctx.db, await startRun(ctx, v.person, req.params.id, req.ip)));
    },
  );

  r.get(
    '/api/v1/admin/imports/:id/rows',
    {
      schema: {
        tags,
        summary: 'What each row did (or would do, after a dry run), in file order',
        params: idParams,
        querystring: importRowsQuerySchema,
        response: responses({ 200: page(importRowSchema) }),
      },
    },
    async (req) => {
      const v = requireAdmin(req);
      const imp = await found(v.org.id, req.params.id);
      const after = decodeCursor<[number]>(req.query.cursor, ['number']);
      const rows = await listRows(ctx.db, v.org.id, imp.id, {
        status: req.query.status,
        after: after?.[0] ?? null,
        limit: req.query.limit,
      });
      const columns = parseMapping(imp)?.columns as ImportColumns | undefined;
      const items = rows.slice(0, req.query.limit);
      const last = items[items.length - 1];
      return {
        items: items.map((row) => presentRow(row, columns)),
        nextCursor: rows.length > req.query.limit && last ? encodeCursor([last.row_no]) : null,
      };
    },
  );

  r.get(
    '/api/v1/admin/imports/:id/errors.csv',
    { schema: { tags, summary: "The rows with an error, with the problem and the row's own cells (CSV)", params: idParams } },
    async (req, reply) => {
      const v = requireAdmin(req);
      const imp = await found(v.org.id, req.params.id);
      const headers = JSON.parse(imp.headers) as string[];
      const columns = parseMapping(imp)?.columns as ImportColumns | undefined;
      const out: unknown[][] = [];
      for (let after = 0; ;) {
        const rows = await listRows(ctx.db, v.org.id, imp.id, { status: 'error', after, limit: 1000 });
        for (const row of rows.slice(0, 1000)) {
          const cells = row.cells ? (JSON.parse(row.cells) as string[]) : [];
          out.push([
            row.row_no,
            row.field ?? '',
            columnOf(columns, row.field) ?? '',
            row.message ?? '',
            ...headers.map((_, i) => cells[i] ?? ''),
          ]);
        }
        if (rows.length <= 1000) break;
        after = rows[999]!.row_no;
      }
      const name = `import-errors-${iso(Date.now()).slice(0, 10)}.csv`;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'no-store')
        .send(toCsv(['Row', 'Field', 'Column', 'Problem', ...headers], out));
    },
  );

  r.post(
    '/api/v1/admin/imports/:id/access-codes',
    {
      schema: {
        tags,
        summary: 'Issue access codes to the next 500 people the import made without an e-mail (each code shown only here)',
        params: idParams,
        response: responses({ 201: z.object({ items: z.array(issuedAccessCodeSchema), remaining: z.number() }) }),
      },
    },
    async (req, reply) => {
      const v = requireAdmin(req);
      const { issued, remaining } = await issueImportCodes(ctx, v.person, req.params.id, req.ip);
      const orgUrl = (path: string) => ctx.urls.org(v.org.slug, path);
      return reply.code(201).send({
        items: issued.map((c) => ({
          personId: c.person.id,
          displayName: c.person.display_name,
          login: c.person.username ?? c.person.employee_id ?? c.person.email ?? '',
          code: c.code,
          expiresAt: iso(c.expiresAt),
          claimUrl: claimUrl(orgUrl, c.code),
        })),
        remaining,
      });
    },
  );

  r.delete(
    '/api/v1/admin/imports/:id',
    {
      schema: {
        tags,
        summary: 'Discard an import (not while it runs): its file and results',
        params: idParams,
        response: responses({ 204: noContent }),
      },
    },
    async (req, reply) => {
      const v = requireAdmin(req);
      await discardImport(ctx, v.person, req.params.id, req.ip);
      return reply.code(204).send(null);
    },
  );
}
