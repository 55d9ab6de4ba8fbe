import { sample } from 'openapi-sampler';

/**
 * Examples for the OpenAPI document, made from each route's own schemas (so they never drift from
 * what the route accepts and answers): the request body and every JSON answer get an `examples`
 * entry that the browsable docs show beside the schema. Formats, enums, defaults and examples
 * written into a schema are used; plain strings read "string". Hand-written examples of the
 * common calls are in docs/API.md.
 */
type JsonSchema = Record<string, unknown>;

function withExample(schema: unknown): void {
  if (!schema || typeof schema !== 'object') return;
  const s = schema as JsonSchema;
  if (s.examples !== undefined || s.example !== undefined) return;
  try {
    const value = sample(s as Parameters<typeof sample>[0], { skipReadOnly: false, quiet: true, maxSampleDepth: 8 });
    if (value !== undefined) s.examples = [value];
  } catch {
    // A schema the sampler cannot follow keeps its description alone; the document stays valid.
  }
}

/** Adds examples to a route's documented schemas (the transform's output, not the route's own). */
export function addExamples(schema: JsonSchema): void {
  withExample(schema.body);
  const responses = schema.response as Record<string, unknown> | undefined;
  if (!responses) return;
  for (const [code, answer] of Object.entries(responses)) {
    if (!code.startsWith('2') || !answer || typeof answer !== 'object') continue;
    // A response given as { description, content: { 'application/json': { schema } } } or as a schema.
    const content = (answer as { content?: Record<string, { schema?: unknown }> }).content;
    if (content) for (const media of Object.values(content)) withExample(media.schema);
    else withExample(answer);
  }
}
