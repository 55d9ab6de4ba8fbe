import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './support/databases.js';
import { signUpCompany, type Company } from './support/factories.js';
import { CORE_USER, ENTERPRISE, entraUser, expectScimError, PATCH_OP, scimFor, type Scim } from './support/scim.js';
import { startTestServer, type TestServer } from './support/server.js';

/**
 * PATCH of Users as Microsoft Entra ID and Okta send it (shapes from their public documentation),
 * the enterprise extension, ETags, and SCIM's errors for requests it cannot apply.
 */
describe.each(DIALECTS)('SCIM PATCH on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let scim: Scim;

  beforeAll(async () => {
    t = await startTestServer({ dialect });
    acme = await signUpCompany(t);
    scim = await scimFor(t, acme);
  });
  afterAll(async () => {
    await t?.close();
  });

  const person = async (id: string) => (await acme.owner.get(`/api/v1/people/${id}`)).body;
  let n = 0;
  const newUser = async (extra: Record<string, unknown> = {}) => {
    const res = await scim.post('/Users', entraUser(`user${++n}@patch.test`, extra));
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; meta: { version: string } };
  };

  it('applies Entra’s PATCH bodies: capitalised ops, path filters, "False" as a string, the manager by id', async () => {
    const boss = await newUser();
    const u = await newUser();
    // Microsoft's "update user [multi-valued properties]" example.
    let res = await scim.patch(`/Users/${u.id}`, [
      { op: 'Replace', path: 'emails[type eq "work"].value', value: 'updated.email@patch.test' },
      { op: 'Replace', path: 'name.familyName', value: 'UpdatedFamily' },
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      emails: [{ value: 'updated.email@patch.test', type: 'work' }],
      name: { familyName: 'UpdatedFamily' },
    });
    // New name parts rename the person when no displayName came with them.
    expect(res.body.displayName).toBe('Given UpdatedFamily');
    expect(await person(u.id)).toMatchObject({ email: 'updated.email@patch.test', displayName: 'Given UpdatedFamily' });

    // Manager by id (Entra sends the id as a string), then removed.
    res = await scim.patch(`/Users/${u.id}`, [{ op: 'Add', path: `${ENTERPRISE}:manager`, value: boss.id }]);
    expect(res.body[ENTERPRISE].manager).toMatchObject({ value: boss.id, displayName: 'Given Family' });
    expect((await person(u.id)).managerId).toBe(boss.id);
    res = await scim.patch(`/Users/${u.id}`, [{ op: 'Remove', path: `${ENTERPRISE}:manager` }]);
    expect(res.status).toBe(200);
    expect((await person(u.id)).managerId).toBeNull();

    // Older Entra jobs: booleans as strings and single values wrapped in a list.
    res = await scim.patch(`/Users/${u.id}`, [
      { op: 'Replace', path: 'active', value: 'False' },
      { op: 'Add', path: 'title', value: [{ value: 'Team lead' }] },
    ]);
    expect(res.body).toMatchObject({ active: false, title: 'Team lead' });
    expect((await person(u.id)).status).toBe('deactivated');
    res = await scim.patch(`/Users/${u.id}`, [{ op: 'Replace', path: 'active', value: 'True' }]);
    expect((await person(u.id)).status).toBe('active');

    // Without a path, the value's keys are attributes or paths (Entra's compliant jobs).
    res = await scim.patch(`/Users/${u.id}`, [
      {
        op: 'replace',
        value: {
          displayName: 'Uma Updated',
          'name.givenName': 'Uma',
          'emails[type eq "work"].value': 'uma@patch.test',
          [`${ENTERPRISE}:employeeNumber`]: 'E-77',
          [`${ENTERPRISE}:department`]: 'Support',
          [ENTERPRISE]: { division: 'North' },
          'phoneNumbers[type eq "mobile"].value': '+1 555 0100',
        },
      },
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      displayName: 'Uma Updated',
      name: { givenName: 'Uma' },
      emails: [{ value: 'uma@patch.test' }],
      phoneNumbers: [{ value: '+1 555 0100' }],
      [ENTERPRISE]: { employeeNumber: 'E-77', department: 'Support', division: 'North' },
    });
    expect(await person(u.id)).toMatchObject({
      displayName: 'Uma Updated',
      employeeId: 'E-77',
      department: 'Support',
      phone: '+1 555 0100',
    });

    // Entra sends "Add" for a value that did not exist yet, through a filter that matches nothing.
    const plain = await scim.post('/Users', { schemas: [CORE_USER], userName: 'no.email' });
    res = await scim.patch(`/Users/${plain.body.id}`, [{ op: 'Add', path: 'emails[type eq "work"].value', value: 'found@patch.test' }]);
    expect(res.body.emails).toEqual([{ value: 'found@patch.test', type: 'work', primary: true }]);
    // userName changes (Entra replaces it when the UPN changes).
    res = await scim.patch(`/Users/${plain.body.id}`, [{ op: 'Replace', path: 'userName', value: 'Renamed.User' }]);
    expect(res.body.userName).toBe('renamed.user');
  });

  it('applies Okta’s PATCH bodies: deactivate and reactivate without a path, and leaves the rest alone', async () => {
    const u = await newUser({ title: 'Clerk' });
    let res = await scim.patch(`/Users/${u.id}`, [{ op: 'replace', value: { active: false } }]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ active: false, title: 'Clerk' });
    expect((await person(u.id)).status).toBe('deactivated');
    res = await scim.call(
      'PATCH',
      `/Users/${u.id}`,
      { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: true } }] },
      {
        'content-type': 'application/json',
      },
    );
    expect(res.status).toBe(200);
    expect((await person(u.id)).status).toBe('active');
    // One e-mail is kept: a second one does not replace the primary.
    res = await scim.patch(`/Users/${u.id}`, [{ op: 'add', path: 'emails', value: [{ value: 'home@patch.test', type: 'home' }] }]);
    expect(res.body.emails).toEqual([{ value: `user${n}@patch.test`, type: 'work', primary: true }]);
    // A primary one does.
    res = await scim.patch(`/Users/${u.id}`, [{ op: 'replace', path: 'emails', value: [{ value: 'new@patch.test', primary: true }] }]);
    expect((await person(u.id)).email).toBe('new@patch.test');
    // Removed through a filter, the e-mail falls back to the userName, itself an e-mail.
    res = await scim.patch(`/Users/${u.id}`, [{ op: 'remove', path: 'emails[value eq "new@patch.test"]' }]);
    expect(res.status).toBe(200);
    expect((await person(u.id)).email).toBe(`user${n}@patch.test`);
  });

  it('keeps the enterprise extension: employee number, department, manager', async () => {
    const boss = await newUser();
    const made = await scim.post('/Users', {
      schemas: [CORE_USER, ENTERPRISE],
      userName: 'ext.user',
      displayName: 'Ext User',
      [ENTERPRISE]: { employeeNumber: '701', department: 'Stores', manager: { value: boss.id } },
    });
    expect(made.status).toBe(201);
    expect(made.body[ENTERPRISE]).toMatchObject({ employeeNumber: '701', department: 'Stores', manager: { value: boss.id } });
    expect(await person(made.body.id)).toMatchObject({ employeeId: '701', department: 'Stores', managerId: boss.id });
    const id = made.body.id as string;

    // manager.value as a path, and a manager given as an object.
    const other = await newUser();
    let res = await scim.patch(`/Users/${id}`, [{ op: 'replace', path: `${ENTERPRISE}:manager.value`, value: other.id }]);
    expect((await person(id)).managerId).toBe(other.id);
    res = await scim.patch(`/Users/${id}`, [{ op: 'replace', path: `${ENTERPRISE}:manager`, value: { value: boss.id } }]);
    expect((await person(id)).managerId).toBe(boss.id);

    const unknown = '01900000-0000-7000-8000-00000000abcd';
    expectScimError(
      await scim.patch(`/Users/${id}`, [{ op: 'replace', path: `${ENTERPRISE}:manager`, value: unknown }]),
      400,
      'invalidValue',
    );
    expectScimError(await scim.patch(`/Users/${id}`, [{ op: 'replace', path: `${ENTERPRISE}:manager`, value: id }]), 400, 'invalidValue');
    // A loop in the org chart: the boss cannot report to their own report.
    expectScimError(await scim.patch(`/Users/${boss.id}`, [{ op: 'add', path: `${ENTERPRISE}:manager`, value: id }]), 400, 'invalidValue');
    expectScimError(
      await scim.post('/Users', { schemas: [CORE_USER, ENTERPRISE], userName: 'dup.number', [ENTERPRISE]: { employeeNumber: '701' } }),
      409,
      'uniqueness',
    );
    expect((await person(id)).managerId).toBe(boss.id);
    // Removing the whole extension clears its three fields.
    res = await scim.patch(`/Users/${id}`, [{ op: 'remove', path: ENTERPRISE }]);
    expect(res.status).toBe(200);
    expect(await person(id)).toMatchObject({ employeeId: null, department: null, managerId: null });
  });

  it('versions every User: ETag, If-Match (412 when stale) and If-None-Match (304)', async () => {
    const u = await newUser();
    const v1 = u.meta.version;
    const read = await scim.get(`/Users/${u.id}`, { 'if-none-match': v1 });
    expect(read.status).toBe(304);
    let res = await scim.patch(`/Users/${u.id}`, [{ op: 'replace', path: 'title', value: 'One' }], { 'if-match': v1 });
    expect(res.status).toBe(200);
    const v2 = res.headers.etag as string;
    expect(v2).toBe(res.body.meta.version);
    expect(v2).not.toBe(v1);
    expectScimError(await scim.patch(`/Users/${u.id}`, [{ op: 'replace', path: 'title', value: 'Two' }], { 'if-match': v1 }), 412);
    expectScimError(await scim.put(`/Users/${u.id}`, entraUser(`user${n}@patch.test`), { 'if-match': v1 }), 412);
    expectScimError(await scim.delete(`/Users/${u.id}`, { 'if-match': v1 }), 412);
    expect((await person(u.id)).title).toBe('One');
    // A change that only touches what SCIM keeps aside moves the version too.
    res = await scim.patch(`/Users/${u.id}`, [{ op: 'add', path: 'nickName', value: 'Nicky' }], { 'if-match': `${v2}, W/"1"` });
    expect(res.status).toBe(200);
    expect(res.headers.etag).not.toBe(v2);
    expect((await scim.get(`/Users/${u.id}`, { 'if-none-match': v2 })).status).toBe(200);
    expect((await scim.delete(`/Users/${u.id}`, { 'if-match': '*' })).status).toBe(204);
  });

  it('answers SCIM errors with the scimType for what is wrong, and changes nothing', async () => {
    const u = await newUser({ title: 'Kept' });
    const p = (ops: unknown[]) => scim.patch(`/Users/${u.id}`, ops);
    expectScimError(
      await scim.post('/Users', { ...entraUser('x1@patch.test'), schemas: [CORE_USER, 'urn:example:unknown:2.0:User'] }),
      400,
      'invalidValue',
    );
    expectScimError(await scim.post('/Users', { ...entraUser('x2@patch.test'), shoeSize: 44 }), 400, 'invalidSyntax');
    expectScimError(
      await scim.post('/Users', { ...entraUser('x3@patch.test'), name: { givenName: 'A', nick: 'B' } }),
      400,
      'invalidSyntax',
    );
    expectScimError(await scim.post('/Users', { ...entraUser('x4@patch.test'), [ENTERPRISE]: { badge: '7' } }), 400, 'invalidSyntax');
    expectScimError(
      await scim.post('/Users', {
        ...entraUser('x5@patch.test'),
        'urn:ietf:params:scim:schemas:extension:custom:2.0:User': { worksiteId: '1' },
      }),
      400,
      'invalidSyntax',
    );
    expectScimError(await scim.post('/Users', { ...entraUser('x6@patch.test'), active: 'maybe' }), 400, 'invalidValue');
    expectScimError(await scim.post('/Users', { ...entraUser('x7@patch.test'), emails: [{ value: 'not-an-email' }] }), 400, 'invalidValue');
    // NUL (which PostgreSQL cannot store) and other control characters: refused, on both engines.
    const nul = await scim.post('/Users', { ...entraUser('x8@patch.test'), displayName: 'A\u0000B' });
    expectScimError(nul, 400, 'invalidValue');
    expect(nul.body.detail).toContain('displayName');
    expectScimError(await p([{ op: 'replace', path: 'title', value: 'Boss\u202e' }]), 400, 'invalidValue');
    expectScimError(await scim.post('/Users', ['not', 'an', 'object']), 400, 'invalidSyntax');
    expectScimError(await scim.call('POST', '/Users', '{"userName": ', { 'content-type': 'application/scim+json' }), 400, 'invalidSyntax');
    expectScimError(await scim.put(`/Users/${u.id}`, { ...entraUser(`user${n}@patch.test`), id: 'another-id' }), 400, 'mutability');

    expectScimError(await p([{ op: 'replace', path: 'shoeSize', value: 44 }]), 400, 'invalidPath');
    expectScimError(await p([{ op: 'replace', path: 'name.nick', value: 'x' }]), 400, 'invalidPath');
    expectScimError(await p([{ op: 'replace', path: 'emails[type eq "work"', value: 'x' }]), 400, 'invalidPath');
    expectScimError(await p([{ op: 'replace', path: 'title[type eq "x"]', value: 'x' }]), 400, 'invalidPath');
    expectScimError(await p([{ op: 'replace', path: 'emails[colour eq "red"].value', value: 'x' }]), 400, 'invalidPath');
    expectScimError(await p([{ op: 'replace', path: 'urn:example:custom:2.0:User:badge', value: 'x' }]), 400, 'invalidPath');
    expectScimError(await p([{ op: 'replace', path: 'id', value: 'x' }]), 400, 'mutability');
    expectScimError(await p([{ op: 'replace', path: 'meta.created', value: 'x' }]), 400, 'mutability');
    expectScimError(await p([{ op: 'add', path: 'groups', value: [{ value: 'g' }] }]), 400, 'mutability');
    expectScimError(await p([{ op: 'replace', value: { id: 'not-mine' } }]), 400, 'mutability');
    expectScimError(await p([{ op: 'remove', path: 'emails[type eq "home"]' }]), 400, 'noTarget');
    expectScimError(await p([{ op: 'remove' }]), 400, 'noTarget');
    expectScimError(await p([{ op: 'remove', path: 'userName' }]), 400, 'invalidValue');
    expectScimError(await p([{ op: 'move', path: 'title', value: 'x' }]), 400, 'invalidSyntax');
    expectScimError(await p([{ op: 'replace', path: 'title' }]), 400, 'invalidSyntax');
    expectScimError(await p([]), 400, 'invalidSyntax');
    expectScimError(
      await scim.call('PATCH', `/Users/${u.id}`, { Operations: [{ op: 'replace', path: 'title', value: 'x', extra: 1 }] }),
      400,
      'invalidSyntax',
    );
    expectScimError(
      await scim.call('PATCH', `/Users/${u.id}`, { schemas: ['urn:example:not-patch'], Operations: [] }),
      400,
      'invalidValue',
    );
    // A good operation before a bad one is not applied either.
    expectScimError(
      await p([
        { op: 'replace', path: 'title', value: 'Changed' },
        { op: 'replace', path: 'shoeSize', value: 1 },
      ]),
      400,
      'invalidPath',
    );
    expect((await person(u.id)).title).toBe('Kept');

    expectScimError(await scim.get('/Users/01900000-0000-7000-8000-000000000000'), 404);
    expectScimError(await scim.get('/Users/not-an-id'), 404);
    expectScimError(await scim.get('/Nothing/here'), 404);
    // A body over the limit is a SCIM 413, and the endpoint keeps serving.
    const huge = JSON.stringify({ ...entraUser('huge@patch.test'), displayName: 'x'.repeat(2 * 1024 * 1024) });
    expectScimError(await scim.call('POST', '/Users', huge, { 'content-type': 'application/scim+json' }), 413);
    expectScimError(await scim.call('POST', '/Users', 'userName=x', { 'content-type': 'text/plain' }), 415);
    expect((await scim.get(`/Users/${u.id}`)).status).toBe(200);
  });
});
