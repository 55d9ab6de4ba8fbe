import { z } from 'zod';

/**
 * Interactive blocks: what a bot attaches to a chat message or a post (Slack's Block Kit, small).
 * Text and fields to read; buttons, select menus and a short form to act on. When a person acts,
 * the bot gets an `interaction` webhook and may answer by updating the message (or post), which
 * everyone sees change live, or by writing to the person privately.
 *
 * Limits keep a message readable on a phone; a refusal names the block (`blocks.2.elements.0.label`).
 */
export const MAX_BLOCKS = 20;

/** Stable names a bot chooses for what a person can do; unique within one message. */
const actionId = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'must be 1 to 64 letters, digits, "_", ".", ":" or "-"');
const line = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(s), 'must not contain control characters');
const paragraph = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine(
      (s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(s),
      'must not contain control characters',
    );

const option = z.object({ label: line(80), value: line(200) }).strict();

export const buttonElementSchema = z
  .object({
    type: z.literal('button'),
    actionId,
    label: line(40),
    /** Sent back with the action (e.g. "approve:leave-123"). */
    value: line(2000).optional(),
    style: z.enum(['primary', 'danger']).optional(),
  })
  .strict();

export const selectElementSchema = z
  .object({
    type: z.literal('select'),
    actionId,
    placeholder: line(80).optional(),
    options: z.array(option).min(1, 'must have at least one option').max(50, 'must have at most 50 options'),
    /** The value chosen so far, one of the options. */
    initial: line(200).optional(),
  })
  .strict()
  .refine((s) => s.initial === undefined || s.options.some((o) => o.value === s.initial), {
    message: 'must be the value of one of the options',
    path: ['initial'],
  });

export const formFieldSchema = z
  .object({
    /** The key of the value in the action sent back. */
    name: z.string().regex(/^[A-Za-z0-9_]{1,40}$/, 'must be 1 to 40 letters, digits or "_"'),
    label: line(80),
    kind: z.enum(['text', 'textarea', 'select', 'date']),
    required: z.boolean().optional(),
    placeholder: line(80).optional(),
    maxLength: z.number().int().min(1).max(2000).optional(),
    /** For kind "select". */
    options: z.array(option).min(1).max(50).optional(),
  })
  .strict()
  .refine((f) => (f.kind === 'select') === (f.options !== undefined), {
    message: 'a select field needs options, and only a select field has them',
    path: ['options'],
  });

/** Markdown, rendered and sanitised like a message. */
export const textBlockSchema = z.object({ type: z.literal('text'), text: paragraph(3000) }).strict();
/** Label–value pairs shown as a small table (two columns on wide screens). */
export const fieldsBlockSchema = z
  .object({
    type: z.literal('fields'),
    fields: z
      .array(z.object({ label: line(80), value: paragraph(500) }).strict())
      .min(1, 'must have at least one field')
      .max(10, 'must have at most 10 fields'),
  })
  .strict();
/** A row of buttons and select menus. */
export const actionsBlockSchema = z
  .object({
    type: z.literal('actions'),
    elements: z
      .array(z.union([buttonElementSchema, selectElementSchema]))
      .min(1, 'must have at least one element')
      .max(5, 'must have at most 5 elements'),
  })
  .strict();
/** A short form: its values are sent back together with `actionId`. */
export const formBlockSchema = z
  .object({
    type: z.literal('form'),
    actionId,
    title: line(120).optional(),
    fields: z.array(formFieldSchema).min(1, 'must have at least one field').max(10, 'must have at most 10 fields'),
    submitLabel: line(40),
  })
  .strict();
/** Small muted text under the rest ("Approved by Ana at 10:42"). */
export const contextBlockSchema = z.object({ type: z.literal('context'), text: line(300) }).strict();
export const dividerBlockSchema = z.object({ type: z.literal('divider') }).strict();

export const blockSchema = z.discriminatedUnion('type', [
  textBlockSchema,
  fieldsBlockSchema,
  actionsBlockSchema,
  formBlockSchema,
  contextBlockSchema,
  dividerBlockSchema,
]);
export type Block = z.infer<typeof blockSchema>;

/** The action ids a list of blocks offers, in order. */
export function actionIdsOf(blocks: Block[]): string[] {
  const ids: string[] = [];
  for (const b of blocks) {
    if (b.type === 'actions') for (const e of b.elements) ids.push(e.actionId);
    if (b.type === 'form') ids.push(b.actionId);
  }
  return ids;
}

export const blocksSchema = z
  .array(blockSchema)
  .max(MAX_BLOCKS, `must have at most ${MAX_BLOCKS} blocks`)
  .superRefine((blocks, issue) => {
    const seen = new Set<string>();
    blocks.forEach((b, i) => {
      const ids = b.type === 'actions' ? b.elements.map((e, j) => [e.actionId, ['elements', j, 'actionId']] as const) : [];
      if (b.type === 'form') {
        const names = new Set<string>();
        b.fields.forEach((f, j) => {
          if (names.has(f.name)) issue.addIssue({ code: 'custom', message: 'is used twice in this form', path: [i, 'fields', j, 'name'] });
          names.add(f.name);
        });
      }
      for (const [id, path] of b.type === 'form' ? [[b.actionId, ['actionId']] as const] : ids) {
        if (seen.has(id)) issue.addIssue({ code: 'custom', message: 'is used twice in this message', path: [i, ...path] });
        seen.add(id);
      }
    });
  });

/** What a person sends when they act: a button (its value), a select (the option), a form (its values). */
export const blockActionInputSchema = z
  .object({
    actionId,
    value: z.string().max(2000).optional(),
    values: z.record(z.string().regex(/^[A-Za-z0-9_]{1,40}$/), z.string().max(2000)).optional(),
  })
  .strict();
export type BlockActionInput = z.infer<typeof blockActionInputSchema>;

/** A block as a client receives it: text blocks also carry their sanitised HTML. */
export const presentedBlockSchema = z.discriminatedUnion('type', [
  textBlockSchema.extend({ html: z.string() }),
  fieldsBlockSchema,
  actionsBlockSchema,
  formBlockSchema,
  contextBlockSchema,
  dividerBlockSchema,
]);
export type PresentedBlock = z.infer<typeof presentedBlockSchema>;
