import { blocksSchema, type Block, type BlockActionInput, type PresentedBlock } from '../../../protocol/blocks.js';
import { badInput } from '../../errors.js';
import { parseBody, renderBody } from '../posts/markdown.js';

/**
 * Interactive blocks on a chat message or a post (protocol/blocks.ts): stored as the JSON the bot
 * sent (already checked by the route's schema), presented with the HTML of their text blocks, and
 * the actions people send checked against them.
 */

/** The column value for blocks (null: none). */
export function storeBlocks(blocks: Block[] | null | undefined): string | null {
  return blocks && blocks.length > 0 ? JSON.stringify(blocks) : null;
}

/** Stored blocks, parsed; a row written by an older version that no longer parses shows no blocks. */
export function readStoredBlocks(json: string | null): Block[] | null {
  if (!json) return null;
  const parsed = blocksSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

/** As clients get them: text blocks rendered from Markdown and sanitised (mentions shown as text). */
export function presentBlocks(json: string | null): PresentedBlock[] | null {
  const blocks = readStoredBlocks(json);
  if (!blocks) return null;
  return blocks.map((b) => (b.type === 'text' ? { ...b, html: renderBody(parseBody(b.text, 'blocks'), new Map()) } : b));
}

/** What a checked action is, for the bot's webhook. */
export type CheckedAction =
  | { type: 'button'; actionId: string; value: string | null }
  | { type: 'select'; actionId: string; value: string }
  | { type: 'form'; actionId: string; values: Record<string, string> };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * An action a person sent, checked against the blocks they saw: the action id must be one of them,
 * a select's value one of its options, a form's values its fields (required ones present, select
 * values among the options, dates as YYYY-MM-DD, lengths within bounds). 400 naming the field.
 */
export function checkAction(json: string | null, input: BlockActionInput): CheckedAction {
  const blocks = readStoredBlocks(json) ?? [];
  for (const b of blocks) {
    if (b.type === 'actions') {
      for (const e of b.elements) {
        if (e.actionId !== input.actionId) continue;
        if (e.type === 'button') return { type: 'button', actionId: e.actionId, value: e.value ?? null };
        if (input.value === undefined || !e.options.some((o) => o.value === input.value))
          throw badInput('value', 'must be the value of one of the options');
        return { type: 'select', actionId: e.actionId, value: input.value };
      }
    }
    if (b.type === 'form' && b.actionId === input.actionId) {
      const sent = input.values ?? {};
      const values: Record<string, string> = {};
      for (const name of Object.keys(sent)) {
        if (!b.fields.some((f) => f.name === name)) throw badInput(`values.${name}`, 'is not a field of this form');
      }
      for (const f of b.fields) {
        const v = (sent[f.name] ?? '').trim();
        if (v === '') {
          if (f.required) throw badInput(`values.${f.name}`, 'is required');
          continue;
        }
        if (v.length > (f.maxLength ?? 2000)) throw badInput(`values.${f.name}`, `must be at most ${f.maxLength ?? 2000} characters`);
        if (f.kind === 'select' && !(f.options ?? []).some((o) => o.value === v))
          throw badInput(`values.${f.name}`, 'must be the value of one of the options');
        if (f.kind === 'date' && (!DATE.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`))))
          throw badInput(`values.${f.name}`, 'must be a date as YYYY-MM-DD');
        if (f.kind !== 'textarea' && /[\r\n]/.test(v)) throw badInput(`values.${f.name}`, 'must be one line');
        values[f.name] = v;
      }
      return { type: 'form', actionId: b.actionId, values };
    }
  }
  throw badInput('actionId', 'is not an action of this message');
}
