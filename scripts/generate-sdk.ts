import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import pino from 'pino';
import * as prettier from 'prettier';
import { buildServer } from '../server/app.js';
import { loadConfig } from '../server/config.js';

/**
 * `npm run sdk:generate`: the SDK's types (sdk/src/openapi.ts) from the OpenAPI document the server
 * serves. The server is built in this process as the tests build it (SQLite in a throw-away data
 * folder, a free port), so the document is the one of the code checked out, not of a running
 * installation. test/sdk.test.ts fails when the committed file differs from a fresh generation.
 */

export const SDK_TYPES_FILE = fileURLToPath(new URL('../sdk/src/openapi.ts', import.meta.url));

const HEADER = [
  '/**',
  ' * Generated from the Commonplace OpenAPI document (/api/v1/openapi.json) by `npm run sdk:generate`',
  ' * (scripts/generate-sdk.ts). Do not edit: change the routes, then generate again.',
  ' */',
  '',
  '',
].join('\n');

/** The OpenAPI document of this checkout, from a server started for the purpose and stopped again. */
export async function fetchOpenApiDocument(): Promise<OpenAPI3> {
  const dataDir = await mkdtemp(join(tmpdir(), 'cp-sdk-'));
  try {
    // Only what is written here: a DATABASE_URL or REDIS_URL of the shell must not leak in.
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      BASE_DOMAIN: 'localhost:0',
      DATA_DIR: dataDir,
      WORKERS: '0',
      LOG_LEVEL: 'warn',
    });
    const server = await buildServer(config, { logger: pino({ level: 'warn' }) });
    try {
      const port = await server.listen();
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/openapi.json`);
      if (!res.ok) throw new Error(`GET /api/v1/openapi.json answered ${res.status}: ${await res.text()}`);
      return (await res.json()) as OpenAPI3;
    } finally {
      await server.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * The document's examples are made from the schemas for the browsable docs; in the types they
 * would only repeat the schemas as comments.
 */
function withoutExamples(document: OpenAPI3): OpenAPI3 {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (!value || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== 'example')
        .map(([key, v]) => [key, strip(v)]),
    );
  };
  return strip(document) as OpenAPI3;
}

/**
 * Every route documents the same problem+json body for its 4xx and 5xx answers; written out each
 * time it is a third of the types. Here it becomes one named schema, `components.schemas.Problem`.
 */
export function hoistProblemSchema(document: OpenAPI3): OpenAPI3 {
  const doc = structuredClone(document) as OpenAPI3 & { paths?: Record<string, Record<string, unknown>> };
  type Response = { content?: Record<string, { schema?: unknown }> };
  const jsonBodies = (): Array<{ schema?: unknown }> =>
    Object.values(doc.paths ?? {}).flatMap((item) =>
      Object.values(item).flatMap((op) => {
        const responses = (op as { responses?: Record<string, Response> } | null)?.responses ?? {};
        return Object.values(responses).flatMap((r) => (r.content?.['application/json'] ? [r.content['application/json']] : []));
      }),
    );
  const problem = Object.values(doc.paths ?? {})
    .flatMap((item) => Object.values(item))
    .map((op) => (op as { responses?: Record<string, Response> } | null)?.responses?.['4XX']?.content?.['application/json']?.schema)
    .find((s) => s !== undefined);
  if (!problem) return doc;
  const text = JSON.stringify(problem);
  for (const body of jsonBodies()) if (JSON.stringify(body.schema) === text) body.schema = { $ref: '#/components/schemas/Problem' };
  const components = (doc.components ??= {});
  components.schemas = { ...components.schemas, Problem: problem as NonNullable<typeof components.schemas>[string] };
  return doc;
}

/** The text of sdk/src/openapi.ts for a document, formatted as Prettier formats the repository. */
export async function renderSdkTypes(document: OpenAPI3): Promise<string> {
  // defaultNonNullable off: a query or body field with a default stays optional for the caller.
  const ast = await openapiTS(hoistProblemSchema(withoutExamples(document)), { silent: true, defaultNonNullable: false });
  const source = HEADER + astToString(ast);
  const options = (await prettier.resolveConfig(SDK_TYPES_FILE)) ?? {};
  return prettier.format(source, { ...options, filepath: SDK_TYPES_FILE });
}

export async function generateSdkTypes(): Promise<string> {
  return renderSdkTypes(await fetchOpenApiDocument());
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const source = await generateSdkTypes();
  await writeFile(SDK_TYPES_FILE, source);
  console.log(`wrote ${SDK_TYPES_FILE.slice(process.cwd().length + 1) || SDK_TYPES_FILE} (${source.split('\n').length} lines)`);
}
