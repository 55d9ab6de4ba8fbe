import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, Frame, LiveSocket } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { connect } from './support/realtime.js';
import { CORE_GROUP, CORE_USER, expectScimError, PATCH_OP, scimFor, type Scim } from './support/scim.js';
import { startTestServer, type TestServer } from './support/server.js';

type Person = Client & { personId: string; email: string };
const ENTRA_GROUP = 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group';

const membership = (groupId: string, personId: string, status: string) => (f: Frame) =>
  f.kind === 'event' &&
  f.type === 'group.membership' &&
  f.payload.groupId === groupId &&
  f.payload.personId === personId &&
  f.payload.status === status;

/** SCIM Groups are closed Commonplace groups whose members the identity provider manages. */
describe.each(DIALECTS)('SCIM Groups on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let scim: Scim;
  let ann: Person;
  let ben: Person;
  let cat: Person;
  const sockets: LiveSocket[] = [];

  beforeAll(async () => {
    t = await startTestServer({ dialect });
    acme = await signUpCompany(t);
    scim = await scimFor(t, acme, 'Okta');
    ann = await addPerson(t, acme, { name: 'Ann Alder' });
    ben = await addPerson(t, acme, { name: 'Ben Birch' });
    cat = await addPerson(t, acme, { name: 'Cat Cedar' });
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t?.close();
  });

  const memberIds = async (groupId: string) => {
    const res = await acme.owner.get(`/api/v1/groups/${groupId}/members?limit=100`);
    expect(res.status).toBe(200);
    return (res.body.items as Array<{ person: { id: string } }>).map((m) => m.person.id).sort();
  };
  const live = async (c: Client) => {
    const s = await connect(c);
    sockets.push(s);
    return s;
  };

  it('creates a group as Entra does, and adds and removes members with Entra’s PATCH bodies', async () => {
    const made = await scim.post('/Groups', {
      schemas: [CORE_GROUP, ENTRA_GROUP],
      externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159',
      displayName: 'Night Shift',
      meta: { resourceType: 'Group' },
    });
    expect(made.status).toBe(201);
    const id = made.body.id as string;
    expect(made.body).toMatchObject({
      schemas: [CORE_GROUP],
      id,
      externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159',
      displayName: 'Night Shift',
      members: [],
      meta: { resourceType: 'Group', location: `http://${acme.slug}.localhost:${t.port}/scim/v2/Groups/${id}` },
    });
    expect(made.headers.etag).toBe(made.body.meta.version);
    const group = await acme.owner.get(`/api/v1/groups/${id}`);
    expect(group.body).toMatchObject({ name: 'Night Shift', visibility: 'closed', memberCount: 0 });

    const annLive = await live(ann);
    let res = await scim.patch(`/Groups/${id}`, [
      { op: 'Add', path: 'members', value: [{ $ref: null, value: ann.personId }, { value: ben.personId }] },
    ]);
    expect(res.status).toBe(200);
    expect(res.body.members.map((m: { value: string }) => m.value).sort()).toEqual([ann.personId, ben.personId].sort());
    expect(res.body.members.find((m: { value: string }) => m.value === ann.personId)).toMatchObject({ display: 'Ann Alder', type: 'User' });
    expect(await memberIds(id)).toEqual([ann.personId, ben.personId].sort());
    // Told like any other join, and in at once: the group's members see it as members.
    await annLive.waitFor(membership(id, ann.personId, 'joined'));
    expect((await ann.get(`/api/v1/groups/${id}`)).body.membership).toMatchObject({ role: 'member' });

    // Entra removes with the path and a list of values: only those go.
    res = await scim.patch(`/Groups/${id}`, [{ op: 'Remove', path: 'members', value: [{ $ref: null, value: ann.personId }] }]);
    expect(res.status).toBe(200);
    expect(await memberIds(id)).toEqual([ben.personId]);
    await annLive.waitFor(membership(id, ann.personId, 'removed'));
    expect((await ann.get(`/api/v1/groups/${id}`)).body.membership).toBeNull();

    // Entra reads groups without their members, and finds them by name or membership.
    const found = await scim.get(`/Groups?excludedAttributes=members&filter=${encodeURIComponent('displayName eq "night shift"')}`);
    expect(found.body).toMatchObject({ totalResults: 1, Resources: [{ id, displayName: 'Night Shift' }] });
    expect(found.body.Resources[0].members).toBeUndefined();
    const byMember = await scim.get(
      `/Groups?filter=${encodeURIComponent(`id eq "${id}" and members[value eq "${ben.personId}"]`)}&excludedAttributes=members`,
    );
    expect(byMember.body.totalResults).toBe(1);
    const notMember = await scim.get(`/Groups?filter=${encodeURIComponent(`members[value eq "${ann.personId}"]`)}`);
    expect(notMember.body.totalResults).toBe(0);
    expect((await scim.get(`/Groups/${id}?excludedAttributes=members`)).body.members).toBeUndefined();
  });

  it('takes Okta’s group push: members added and removed by filter, renamed without a path, replaced by PUT', async () => {
    const made = await scim.post('/Groups', {
      schemas: [CORE_GROUP],
      displayName: 'Test SCIMv2',
      members: [{ value: ann.personId, display: 'ann' }],
    });
    expect(made.status).toBe(201);
    const id = made.body.id as string;
    expect(await memberIds(id)).toEqual([ann.personId]);

    let res = await scim.patch(`/Groups/${id}`, [{ op: 'add', path: 'members', value: [{ value: cat.personId, display: 'cat' }] }]);
    expect(await memberIds(id)).toEqual([ann.personId, cat.personId].sort());
    res = await scim.patch(`/Groups/${id}`, [{ op: 'remove', path: `members[value eq "${ann.personId}"]` }]);
    expect(res.status).toBe(200);
    expect(await memberIds(id)).toEqual([cat.personId]);
    // Removing someone who is no longer a member (a retry) is not an error.
    res = await scim.patch(`/Groups/${id}`, [{ op: 'remove', path: `members[value eq "${ann.personId}"]` }]);
    expect(res.status).toBe(200);

    const catLive = await live(cat);
    res = await scim.patch(`/Groups/${id}`, [{ op: 'replace', value: { id, displayName: 'Test SCIMv2 renamed' } }]);
    expect(res.body.displayName).toBe('Test SCIMv2 renamed');
    expect((await acme.owner.get(`/api/v1/groups/${id}`)).body.name).toBe('Test SCIMv2 renamed');
    await catLive.waitFor((f) => f.kind === 'event' && f.type === 'group.updated' && f.payload.group.name === 'Test SCIMv2 renamed');

    res = await scim.put(`/Groups/${id}`, {
      schemas: [CORE_GROUP],
      id,
      displayName: 'Test SCIMv2 renamed',
      members: [{ value: ann.personId }, { value: ben.personId }],
    });
    expect(res.status).toBe(200);
    expect(await memberIds(id)).toEqual([ann.personId, ben.personId].sort());
    await catLive.waitFor(membership(id, cat.personId, 'removed'));

    // replace of members sets the list; remove without a value empties it.
    res = await scim.patch(`/Groups/${id}`, [{ op: 'replace', path: 'members', value: [{ value: cat.personId }] }]);
    expect(await memberIds(id)).toEqual([cat.personId]);
    res = await scim.patch(`/Groups/${id}`, [{ op: 'remove', path: 'members' }]);
    expect(await memberIds(id)).toEqual([]);
  });

  it('versions groups, refuses what it cannot do, and ends a group with DELETE (archived, then 404)', async () => {
    const made = await scim.post('/Groups', { schemas: [CORE_GROUP], displayName: 'Ending soon', members: [{ value: ben.personId }] });
    const id = made.body.id as string;
    const v1 = made.body.meta.version as string;
    const res = await scim.patch(`/Groups/${id}`, [{ op: 'add', path: 'members', value: [{ value: cat.personId }] }], { 'if-match': v1 });
    expect(res.status).toBe(200);
    expect(res.headers.etag).not.toBe(v1);
    expectScimError(await scim.patch(`/Groups/${id}`, [{ op: 'replace', path: 'displayName', value: 'Late' }], { 'if-match': v1 }), 412);

    const unknownUser = '01900000-0000-7000-8000-00000000beef';
    expectScimError(
      await scim.patch(`/Groups/${id}`, [{ op: 'add', path: 'members', value: [{ value: unknownUser }] }]),
      400,
      'invalidValue',
    );
    expectScimError(await scim.post('/Groups', { schemas: [CORE_GROUP], displayName: '' }), 400, 'invalidValue');
    expectScimError(await scim.post('/Groups', { schemas: [CORE_GROUP] }), 400, 'invalidValue');
    expectScimError(await scim.post('/Groups', { schemas: [CORE_GROUP], displayName: 'X', owner: 'me' }), 400, 'invalidSyntax');
    expectScimError(await scim.post('/Groups', { schemas: [CORE_USER], displayName: 'X' }), 400, 'invalidValue');
    expectScimError(await scim.patch(`/Groups/${id}`, [{ op: 'replace', path: 'description', value: 'x' }]), 400, 'invalidSyntax');
    expectScimError(await scim.patch(`/Groups/${id}`, [{ op: 'replace', path: 'id', value: 'x' }]), 400, 'mutability');
    expectScimError(await scim.patch(`/Groups/${id}`, [{ op: 'remove', path: 'displayName' }]), 400, 'invalidValue');
    expectScimError(await scim.call('PATCH', `/Groups/${id}`, { schemas: [PATCH_OP], Operations: 'add' }), 400, 'invalidSyntax');
    expectScimError(await scim.get(`/Groups?filter=${encodeURIComponent('owner eq "x"')}`), 400, 'invalidFilter');
    expect(await memberIds(id)).toEqual([ben.personId, cat.personId].sort());

    // A group made in Commonplace is not a SCIM Group.
    const own = await acme.owner.post('/api/v1/groups', { name: 'Made by hand' });
    expectScimError(await scim.get(`/Groups/${own.body.id}`), 404);
    expect((await scim.get('/Groups')).body.Resources.map((g: { id: string }) => g.id)).not.toContain(own.body.id);

    expect((await scim.delete(`/Groups/${id}`)).status).toBe(204);
    expectScimError(await scim.get(`/Groups/${id}`), 404);
    const archived = await acme.owner.get(`/api/v1/groups/${id}`);
    expect(archived.status).toBe(200);
    expect(archived.body.archivedAt).not.toBeNull();
    expect(await memberIds(id)).toEqual([ben.personId, cat.personId].sort());
  });
});
