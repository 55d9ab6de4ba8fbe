import type { Org } from '../../../protocol/api.js';
import type { AppContext } from '../../context.js';
import type { OrgsTable } from '../../db/schema.js';

export const toOrg = (ctx: AppContext, o: OrgsTable): Org => ({ id: o.id, slug: o.slug, name: o.name, url: ctx.urls.org(o.slug) });
