import MarkdownIt, { type StateInline, type Token } from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import { badInput } from '../../errors.js';

/**
 * Markdown (CommonMark) → sanitised HTML, made once at write time and stored beside the source.
 * Raw HTML in the source is shown as text (html: false); the result then goes through an allow-list
 * so that no tag, attribute or URL scheme outside it can reach a browser, whatever the renderer does.
 *
 * Mentions are written `@[Display Name](person:<uuid>)` (the web app inserts them). Only people the
 * caller allows (those who exist and may see the text) become links, with their current name;
 * anyone else is plain text with the name as written, so the output says nothing of who exists.
 */

export const MAX_MENTIONS = 50;
const MENTION = /^@\[([^\]\n]{1,200})\]\(person:([0-9a-fA-F-]{36})\)/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PERSON_PATH = /^\/people\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SAFE_HREF = /^(https?:\/\/|mailto:)/i;

type RenderEnv = {
  /** Mentioned people who get a link, by id, with their display name. */
  allowed: Map<string, string>;
};

function mentionRule(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x40 /* @ */) return false;
  const m = MENTION.exec(state.src.slice(state.pos, state.posMax));
  if (!m) return false;
  const id = (m[2] ?? '').toLowerCase();
  if (!UUID.test(id)) return false;
  if (!silent) {
    const token = state.push('mention', '', 0);
    token.meta = { id, name: m[1] ?? '' };
  }
  state.pos += m[0].length;
  return true;
}

const md = new MarkdownIt('commonmark', { html: false, linkify: true }).enable(['strikethrough', 'table', 'linkify']);
md.inline.ruler.before('link', 'mention', mentionRule);
md.renderer.rules.mention = (tokens: Token[], idx: number, _options, env) => {
  const { id, name } = tokens[idx]?.meta as { id: string; name: string };
  const current = (env as RenderEnv | undefined)?.allowed.get(id);
  const esc = md.utils.escapeHtml;
  return current === undefined ? `@${esc(name)}` : `<a href="/people/${id}" class="mention">@${esc(current)}</a>`;
};

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'em',
    'del',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'h1',
    'h2',
    'h3',
    'h4',
    'hr',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: { a: ['href', 'rel', 'target', 'class'], ol: ['start'] },
  allowedClasses: { a: ['mention'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    s: 'del',
    h5: 'h4',
    h6: 'h4',
    a: (_tag, attribs): sanitizeHtml.Tag => {
      const href = attribs.href ?? '';
      if (attribs.class === 'mention' && PERSON_PATH.test(href)) return { tagName: 'a', attribs: { href, class: 'mention' } };
      if (SAFE_HREF.test(href)) return { tagName: 'a', attribs: { href, rel: 'noopener noreferrer nofollow', target: '_blank' } };
      // Any other link keeps its text only.
      return { tagName: 'span', attribs: {} };
    },
  },
};

export interface ParsedBody {
  tokens: Token[];
  /** Distinct ids mentioned, in order of first appearance. */
  mentionIds: string[];
}

/** Parses once; refuses more than MAX_MENTIONS distinct people (400 naming `field`). */
export function parseBody(source: string, field = 'body'): ParsedBody {
  const env: RenderEnv = { allowed: new Map() };
  const tokens = md.parse(source, env);
  const ids = new Set<string>();
  for (const t of tokens) for (const c of t.children ?? []) if (c.type === 'mention') ids.add((c.meta as { id: string }).id);
  if (ids.size > MAX_MENTIONS) throw badInput(field, `must mention at most ${MAX_MENTIONS} people`);
  return { tokens, mentionIds: [...ids] };
}

/** Renders parsed Markdown; `allowed` maps the mentioned people who get a link to their names. */
export function renderBody(parsed: ParsedBody, allowed: Map<string, string>): string {
  const env: RenderEnv = { allowed };
  return sanitizeHtml(md.renderer.render(parsed.tokens, md.options, env), SANITIZE);
}
