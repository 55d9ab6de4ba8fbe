import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.js';
import * as m0002 from './0002_groups.js';
import * as m0003 from './0003_profiles.js';
import * as m0004 from './0004_posts.js';
import * as m0005 from './0005_post_attachments.js';
import * as m0006 from './0006_polls_events_announcements.js';
import * as m0007 from './0007_notifications.js';
import * as m0008 from './0008_feed.js';
import * as m0009 from './0009_group_covers.js';
import * as m0010 from './0010_chat.js';
import * as m0011 from './0011_event_seqs.js';
import * as m0012 from './0012_search.js';
import * as m0013 from './0013_search_scopes.js';
import * as m0014 from './0014_search_languages.js';
import * as m0015 from './0015_identity.js';
import * as m0016 from './0016_scim.js';
import * as m0017 from './0017_ldap.js';
import * as m0018 from './0018_imports.js';
import * as m0019 from './0019_sso.js';
import * as m0020 from './0020_integrations.js';
import * as m0021 from './0021_integrations_removed.js';
import * as m0022 from './0022_calls.js';

/** Every migration, in order. Names are stable forever once shipped. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_groups': m0002,
  '0003_profiles': m0003,
  '0004_posts': m0004,
  '0005_post_attachments': m0005,
  '0006_polls_events_announcements': m0006,
  '0007_notifications': m0007,
  '0008_feed': m0008,
  '0009_group_covers': m0009,
  '0010_chat': m0010,
  '0011_event_seqs': m0011,
  '0012_search': m0012,
  '0013_search_scopes': m0013,
  '0014_search_languages': m0014,
  '0015_identity': m0015,
  '0016_scim': m0016,
  '0017_ldap': m0017,
  '0018_imports': m0018,
  '0019_sso': m0019,
  '0020_integrations': m0020,
  '0021_integrations_removed': m0021,
  '0022_calls': m0022,
};
