import type { Faker } from '@faker-js/faker';
import type { Trx } from '../server/db/index.js';
import type { GroupVisibility, NotificationKind, PeopleTable, ReactionKind } from '../server/db/schema.js';
import { addMember, insertGroup } from '../server/modules/groups/store.js';
import { skillsJson, updatePerson } from '../server/modules/people/store.js';
import { insertComment } from '../server/modules/posts/comments-store.js';
import { insertEvent, insertPoll, markSeen, replaceVotes, upsertRsvp } from '../server/modules/posts/extras-store.js';
import { parseBody, renderBody } from '../server/modules/posts/markdown.js';
import { addOrAggregate } from '../server/modules/notifications/store.js';
import { insertPost } from '../server/modules/posts/store.js';
import { upsertReaction } from '../server/modules/posts/reactions-store.js';
import { insertFollow } from '../server/modules/profiles/store.js';
import {
  ANNOUNCEMENT,
  COMMENT_LINES,
  DEMO_EVENTS,
  DEMO_GROUPS,
  DEMO_POLLS,
  LOCATIONS,
  POST_LINES,
  SKILLS_BY_DEPARTMENT,
  type DemoGroup,
} from './demo-social-data.js';

/**
 * The living part of the demo company: a manager chain, locations and skills, follows, groups of
 * each visibility with their members, and a few hundred posts with comments and reactions spread
 * over the last weeks. Written through the stores in the demo's one transaction, with a seeded
 * picker so every run makes the same company.
 */

const POSTS = 320;
/** The newest posts whose comments and reactions are also in their authors' notifications. */
const RECENT_NOTIFIED = 40;

function tell(
  orgId: string,
  recipientId: string,
  actorId: string,
  kind: NotificationKind,
  postId: string,
  groupKey: string | null,
  groupId?: string,
) {
  return { orgId, recipientId, actorId, kind, postId, groupKey, commentId: null, groupId: groupId ?? null };
}
const DAY = 86_400_000;
const REACTIONS: ReactionKind[] = ['like', 'like', 'like', 'love', 'love', 'haha', 'wow', 'sad', 'angry'];

export interface SocialSummary {
  groups: number;
  polls: number;
  events: number;
  posts: number;
  comments: number;
  reactions: number;
  follows: number;
}

/** Markdown rendered as the server would; the demo mentions nobody, so no one is linked. */
function rendered(markdown: string): { body_markdown: string; body_html: string } {
  return { body_markdown: markdown, body_html: renderBody(parseBody(markdown), new Map()) };
}

/** Heads report to the owner, managers to their head, staff to one of their managers. */
async function shapeProfiles(trx: Trx, pick: Faker, rows: PeopleTable[]): Promise<PeopleTable[]> {
  const owner = rows.find((r) => r.role === 'owner');
  const byDepartment = new Map<string, PeopleTable[]>();
  for (const r of rows)
    if (r.department && r.role !== 'owner') byDepartment.set(r.department, [...(byDepartment.get(r.department) ?? []), r]);
  const out: PeopleTable[] = [];
  for (const r of rows) {
    const team = r.department ? (byDepartment.get(r.department) ?? []) : [];
    const index = team.indexOf(r);
    const head = team[0];
    const managers = team.slice(1, 3);
    let manager: PeopleTable | undefined;
    if (r.role === 'guest' || r === owner) manager = undefined;
    else if (index === 0) manager = owner;
    else if (index <= 2) manager = head;
    else manager = managers.length > 0 ? managers[index % managers.length] : head;
    const skills = pick.helpers.arrayElements(SKILLS_BY_DEPARTMENT[r.department ?? ''] ?? ['Customer care', 'Planning'], {
      min: 1,
      max: 4,
    });
    out.push(
      await updatePerson(trx, r, {
        manager_id: manager?.id ?? null,
        location: r.role === 'guest' ? null : pick.helpers.arrayElement(LOCATIONS),
        skills: skillsJson(skills),
        about: index === 0 ? `Leading ${r.department} at Acme. Ask me anything about our plans.` : null,
      }),
    );
  }
  return out;
}

async function makeGroup(trx: Trx, pick: Faker, orgId: string, g: DemoGroup, staff: PeopleTable[]) {
  const creator = pick.helpers.arrayElement(staff);
  const group = await insertGroup(trx, {
    orgId,
    createdBy: creator.id,
    name: g.name,
    description: g.description,
    visibility: g.visibility as GroupVisibility,
    postPermission: 'everyone',
    postApproval: false,
  });
  await addMember(trx, orgId, group.id, creator.id, 'admin');
  const members = [creator];
  const others = pick.helpers.arrayElements(
    staff.filter((p) => p !== creator && (!g.department || p.department === g.department || pick.number.int(9) === 0)),
    Math.min(g.size, staff.length - 1),
  );
  for (const [i, p] of others.entries()) {
    await addMember(trx, orgId, group.id, p.id, i === 0 ? 'moderator' : 'member');
    members.push(p);
  }
  return { group, members };
}

export async function fillSocial(trx: Trx, pick: Faker, orgId: string, people: PeopleTable[]): Promise<SocialSummary> {
  const rows = await shapeProfiles(trx, pick, people);
  const staff = rows.filter((r) => r.status === 'active' && r.role !== 'guest');
  const guests = rows.filter((r) => r.status === 'active' && r.role === 'guest');

  let follows = 0;
  for (const r of staff) {
    for (const other of pick.helpers.arrayElements(staff, { min: 2, max: 12 })) {
      if (other !== r && (await insertFollow(trx, orgId, r.id, other.id))) follows += 1;
    }
  }

  const groups = [];
  for (const g of DEMO_GROUPS) groups.push(await makeGroup(trx, pick, orgId, g, staff));
  const companyWide = await trx
    .selectFrom('groups')
    .select('id')
    .where('org_id', '=', orgId)
    .where('is_company_wide', '=', 1)
    .executeTakeFirst();
  const everyone = companyWide ? { group: companyWide, members: staff } : null;
  // Guests work with the partners' group only.
  const partners = groups.find((g) => g.group.name === 'Partners & suppliers');
  for (const guest of guests) {
    if (partners && (await addMember(trx, orgId, partners.group.id, guest.id, 'member'))) partners.members.push(guest);
  }

  let comments = 0;
  let reactions = 0;
  const now = Date.now();
  // Oldest first, so that ids and times grow together as they do for real posts.
  const times = Array.from({ length: POSTS }, () => now - pick.number.int({ min: 5 * 60_000, max: 30 * DAY })).sort((a, b) => a - b);
  for (const [i, at] of times.entries()) {
    // One post in seven on the author's profile, one in five company news (everyone reads it).
    const place = i % 7 === 0 ? null : i % 5 === 0 && everyone ? everyone : pick.helpers.arrayElement(groups);
    const author = place ? pick.helpers.arrayElement(place.members) : pick.helpers.arrayElement(staff);
    const audience = place ? place.members : staff;
    const post = await insertPost(trx, {
      org_id: orgId,
      author_id: author.id,
      group_id: place?.group.id ?? null,
      ...rendered(pick.helpers.arrayElement(POST_LINES)),
    });
    await trx.updateTable('posts').set({ created_at: at }).where('id', '=', post.id).execute();

    const commenters = pick.helpers.arrayElements(audience, { min: 0, max: Math.min(6, audience.length) });
    let firstComment: string | null = null;
    for (const [k, who] of commenters.entries()) {
      const c = await insertComment(trx, {
        org_id: orgId,
        post_id: post.id,
        parent_id: k > 0 && firstComment && pick.number.int(3) === 0 ? firstComment : null,
        author_id: who.id,
        ...rendered(pick.helpers.arrayElement(COMMENT_LINES)),
      });
      await trx
        .updateTable('comments')
        .set({ created_at: at + (k + 1) * 7 * 60_000 })
        .where('id', '=', c.id)
        .execute();
      firstComment ??= c.id;
      comments += 1;
    }
    for (const who of pick.helpers.arrayElements(audience, { min: 0, max: Math.min(25, audience.length) })) {
      const reacted = await upsertReaction(trx, {
        org_id: orgId,
        target_type: 'post',
        target_id: post.id,
        post_id: post.id,
        person_id: who.id,
        kind: pick.helpers.arrayElement(REACTIONS),
      });
      if (reacted) reactions += 1;
      // The newest posts' authors have something in their notifications, as they would for real.
      if (i >= POSTS - RECENT_NOTIFIED && who.id !== author.id) {
        await addOrAggregate(trx, tell(orgId, author.id, who.id, 'reaction_post', post.id, `reaction:${post.id}`, place?.group.id));
      }
    }
    if (i >= POSTS - RECENT_NOTIFIED) {
      for (const who of commenters.filter((c) => c.id !== author.id)) {
        await addOrAggregate(trx, tell(orgId, author.id, who.id, 'comment', post.id, `comment:${post.id}`, place?.group.id));
      }
    }
  }
  const extras = await fillExtras(trx, pick, orgId, rows, groups);
  return { groups: groups.length, posts: POSTS + extras.posts, comments, reactions, follows, polls: extras.polls, events: extras.events };
}

type Place = { group: { id: string }; members: PeopleTable[] };

/** Polls with votes, events with answers, and one announcement in the company-wide group, half seen. */
async function fillExtras(trx: Trx, pick: Faker, orgId: string, rows: PeopleTable[], groups: Place[]) {
  const now = Date.now();
  let posts = 0;
  const publish = async (place: Place, author: PeopleTable, markdown: string, at: number, important = false) => {
    const post = await insertPost(trx, {
      org_id: orgId,
      author_id: author.id,
      group_id: place.group.id,
      important: important ? 1 : 0,
      ...rendered(markdown),
    });
    await trx.updateTable('posts').set({ created_at: at }).where('id', '=', post.id).execute();
    posts += 1;
    return post;
  };
  for (const [i, poll] of DEMO_POLLS.entries()) {
    const place = groups[i % groups.length]!;
    const post = await publish(place, place.members[0]!, poll.question, now - (i + 1) * 3 * 3_600_000);
    await insertPoll(trx, orgId, post.id, { multiple: poll.multiple, closesAt: i === 0 ? now + 5 * DAY : null, options: poll.options });
    const options = await trx.selectFrom('poll_options').select('id').where('post_id', '=', post.id).orderBy('position').execute();
    for (const voter of pick.helpers.arrayElements(place.members, Math.min(place.members.length, 40))) {
      const chosen = poll.multiple ? pick.helpers.arrayElements(options, { min: 1, max: 2 }) : [pick.helpers.arrayElement(options)];
      await replaceVotes(
        trx,
        orgId,
        post.id,
        voter.id,
        chosen.map((o) => o.id),
      );
    }
  }
  for (const [i, event] of DEMO_EVENTS.entries()) {
    const place = groups[(i + 2) % groups.length]!;
    const post = await publish(place, place.members[0]!, event.text, now - (i + 1) * 5 * 3_600_000);
    const startsAt = now + (i + 2) * DAY;
    await insertEvent(trx, {
      post_id: post.id,
      org_id: orgId,
      title: event.title,
      starts_at: startsAt,
      ends_at: startsAt + 2 * 3_600_000,
      place: event.place,
    });
    for (const who of pick.helpers.arrayElements(place.members, Math.min(place.members.length, 30))) {
      await upsertRsvp(trx, {
        org_id: orgId,
        post_id: post.id,
        person_id: who.id,
        answer: pick.helpers.arrayElement(['going', 'going', 'maybe', 'declined'] as const),
      });
    }
  }
  // The announcement: in the company-wide group, by the owner; half the company has seen it.
  const everyone = await trx
    .selectFrom('groups')
    .select('id')
    .where('org_id', '=', orgId)
    .where('is_company_wide', '=', 1)
    .executeTakeFirst();
  const owner = rows.find((r) => r.role === 'owner');
  if (everyone && owner) {
    const active = rows.filter((r) => r.status === 'active');
    const post = await publish({ group: everyone, members: active }, owner, ANNOUNCEMENT, now - 2 * 3_600_000, true);
    for (const who of active.filter((_, i) => i % 2 === 0)) await markSeen(trx, orgId, post.id, who.id);
    for (const who of active.filter((p) => p.id !== owner.id)) {
      await addOrAggregate(trx, tell(orgId, who.id, owner.id, 'announcement', post.id, null, everyone.id));
    }
  }
  return { posts, polls: DEMO_POLLS.length, events: DEMO_EVENTS.length };
}
