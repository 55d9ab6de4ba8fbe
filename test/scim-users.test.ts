import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './support/databases.js';
import { signUpCompany, type Company } from './support/factories.js';
import { CORE_USER, ENTERPRISE, entraUser, expectScimError, scimFor, type Scim } from './support/scim.js';
import { startTestServer, type TestServer } from './support/server.js';

/** SCIM Users: create, read, replace, delete, the userName rules, filters and pagination. */
describe.each(DIALECTS)('SCIM Users on %s', (dialect) => {
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

  it('creates a User from Entra’s request, reads it, replaces it as Okta does, deletes it, and takes it back', async () => {
    const body = entraUser('anna.lind@acme.example', {
      title: 'Buyer',
      phoneNumbers: [
        { type: 'mobile', value: '+33 6 00 00 00 01' },
        { type: 'work', value: '+33 1 00 00 00 01', primary: true },
      ],
      addresses: [{ type: 'work', formatted: '1 Main Street', country: 'FR' }],
      preferredLanguage: 'fr-FR',
      [ENTERPRISE]: { employeeNumber: 'E-100', department: 'Purchasing', costCenter: 'CC1' },
    });
    const made = await scim.post('/Users', body);
    expect(made.status).toBe(201);
    const id = made.body.id as string;
    expect(made.headers.location).toBe(`http://${acme.slug}.localhost:${t.port}/scim/v2/Users/${id}`);
    expect(made.headers.etag).toBe(made.body.meta.version);
    expect(String(made.headers['content-type'])).toContain('application/scim+json');
    expect(made.body).toMatchObject({
      schemas: [CORE_USER, ENTERPRISE],
      id,
      externalId: 'ext-anna.lind@acme.example',
      userName: 'anna.lind@acme.example',
      displayName: 'Given Family',
      name: { givenName: 'Given', familyName: 'Family', formatted: 'Given Family' },
      active: true,
      title: 'Buyer',
      emails: [{ value: 'anna.lind@acme.example', type: 'work', primary: true }],
      phoneNumbers: [{ value: '+33 1 00 00 00 01' }],
      addresses: [{ type: 'work', formatted: '1 Main Street', country: 'FR' }],
      preferredLanguage: 'fr-FR',
      [ENTERPRISE]: { employeeNumber: 'E-100', department: 'Purchasing', costCenter: 'CC1' },
      meta: { resourceType: 'User', location: made.headers.location },
    });
    expect(made.body.meta.version).toMatch(/^W\/"\d+"$/);
    expect(Date.parse(made.body.meta.created)).toBeGreaterThan(0);
    expect(made.body.roles).toEqual([]);
    expect(await person(id)).toMatchObject({
      displayName: 'Given Family',
      email: 'anna.lind@acme.example',
      title: 'Buyer',
      department: 'Purchasing',
      employeeId: 'E-100',
      phone: '+33 1 00 00 00 01',
      status: 'active',
      role: 'member',
    });

    const read = await scim.get(`/Users/${id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(made.body);
    expect(read.headers.etag).toBe(made.body.meta.version);

    // Okta updates with PUT: the whole User, with its id, meta and groups; what is left out is cleared.
    const okta = {
      schemas: [CORE_USER],
      id,
      userName: 'anna.lind@acme.example',
      name: { givenName: 'Anna', familyName: 'Lind' },
      emails: [{ primary: true, value: 'anna.lind@acme.example', type: 'work' }],
      displayName: 'Anna Lind',
      locale: 'en-US',
      externalId: '00ujl29u0le5T6Aj10h7',
      groups: [],
      password: 'never-stored-1',
      active: true,
      meta: { resourceType: 'User' },
    };
    const put = await scim.put(`/Users/${id}`, okta);
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ displayName: 'Anna Lind', externalId: '00ujl29u0le5T6Aj10h7', locale: 'en-US' });
    expect(put.body.title).toBeUndefined();
    expect(put.body[ENTERPRISE]).toBeUndefined();
    expect(put.body.password).toBeUndefined();
    expect(put.body.addresses).toBeUndefined();
    expect(put.body.meta.version).not.toBe(made.body.meta.version);
    expect(await person(id)).toMatchObject({ displayName: 'Anna Lind', title: null, department: null, employeeId: null, phone: null });

    // DELETE: deactivated and gone for SCIM (404), kept in Commonplace for their posts.
    const del = await scim.delete(`/Users/${id}`);
    expect(del.status).toBe(204);
    expectScimError(await scim.get(`/Users/${id}`), 404);
    expectScimError(await scim.call('PATCH', `/Users/${id}`, { Operations: [{ op: 'replace', path: 'title', value: 'X' }] }), 404);
    expectScimError(await scim.delete(`/Users/${id}`), 404);
    expect(await scim.find('userName eq "anna.lind@acme.example"')).toEqual([]);
    expect(await scim.find('externalId eq "00ujl29u0le5T6Aj10h7"')).toEqual([]);
    expect((await person(id)).status).toBe('deactivated');

    // The same userName again (a rehire): the same person comes back, active.
    const again = await scim.post('/Users', entraUser('anna.lind@acme.example'));
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ id, active: true, externalId: 'ext-anna.lind@acme.example' });
    expect((await person(id)).status).toBe('active');
  });

  it('keeps userName rules: lower-cased usernames, e-mails as e-mails, and uniqueness as 409', async () => {
    const bob = await scim.post('/Users', {
      schemas: [CORE_USER],
      userName: 'Bob.Builder',
      name: { givenName: 'Bob', familyName: 'Builder' },
    });
    expect(bob.status).toBe(201);
    expect(bob.body).toMatchObject({ userName: 'bob.builder', displayName: 'Bob Builder' });
    expect(bob.body.emails).toBeUndefined();
    expect((await person(bob.body.id)).email).toBeNull();

    // Not a valid username (the "+"), but an e-mail: kept as the person's e-mail, shown as userName.
    const carol = await scim.post('/Users', { schemas: [CORE_USER], userName: 'Carol+News@Example.test', displayName: 'Carol' });
    expect(carol.status).toBe(201);
    expect(carol.body).toMatchObject({ userName: 'Carol+News@Example.test', emails: [{ value: 'Carol+News@Example.test' }] });
    expect(await scim.find('userName eq "carol+news@example.test"')).toEqual([carol.body.id]);

    expectScimError(await scim.post('/Users', { schemas: [CORE_USER], userName: 'not valid!' }), 400, 'invalidValue');
    expectScimError(await scim.post('/Users', { schemas: [CORE_USER], displayName: 'No login' }), 400, 'invalidValue');
    expectScimError(await scim.post('/Users', { schemas: [CORE_USER], userName: 'BOB.builder' }), 409, 'uniqueness');
    // People who signed up with e-mail are Users too, named by their e-mail.
    const ownerEmail = `owner@${acme.slug}.test`;
    const owners = await scim.find(`userName eq "${ownerEmail.toUpperCase()}"`);
    expect(owners).toHaveLength(1);
    expectScimError(await scim.post('/Users', { schemas: [CORE_USER], userName: ownerEmail }), 409, 'uniqueness');
    expectScimError(
      await scim.post('/Users', { schemas: [CORE_USER], userName: 'dave', emails: [{ value: ownerEmail, primary: true }] }),
      409,
      'uniqueness',
    );
    const withExt = await scim.post('/Users', { schemas: [CORE_USER], userName: 'erin', externalId: 'dup-ext' });
    expect(withExt.status).toBe(201);
    expectScimError(await scim.post('/Users', { schemas: [CORE_USER], userName: 'frank', externalId: 'dup-ext' }), 409, 'uniqueness');
    // Refused requests leave nobody behind.
    expect(await scim.find('userName eq "frank" or userName eq "dave"')).toEqual([]);
  });

  it('filters the way identity providers ask, and refuses filters it cannot run', async () => {
    const co = await signUpCompany(t);
    const s = await scimFor(t, co);
    const mk = async (userName: string, extra: Record<string, unknown> = {}) => {
      const res = await s.post('/Users', { schemas: [CORE_USER, ENTERPRISE], userName, ...extra });
      if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
      return res.body.id as string;
    };
    const ann = await mk('ann', { externalId: 'X-1', emails: [{ type: 'work', value: 'ann@work.test' }], displayName: 'Ann Alder' });
    const ben = await mk('ben', {
      externalId: 'X-2',
      emails: [{ type: 'work', value: 'ben@work.test' }],
      displayName: 'Ben Birch',
      title: 'Driver',
      [ENTERPRISE]: { department: 'Logistics', manager: { value: ann } },
    });
    const cid = await mk('cid', { displayName: 'Cid Cedar', active: false, [ENTERPRISE]: { department: 'Logistics' } });
    const owner = (await s.find(`userName eq "owner@${co.slug}.test"`))[0]!;
    const ids = async (filter: string) => (await s.find(filter)).sort();

    expect(await ids('userName eq "ANN"')).toEqual([ann]);
    expect(await ids('externalId eq "X-2"')).toEqual([ben]);
    expect(await ids('externalId eq "x-2"')).toEqual([]);
    expect(await ids('emails.value eq "BEN@work.test"')).toEqual([ben]);
    expect(await ids('emails[type eq "work"].value eq "ann@work.test"')).toEqual([ann]);
    expect(await ids('emails[type eq "work" and value co "@work."]')).toEqual([ann, ben].sort());
    expect(await ids('emails[type eq "home"]')).toEqual([]);
    expect(await ids(`id eq "${cid}"`)).toEqual([cid]);
    expect(await ids('displayName eq "ben birch"')).toEqual([ben]);
    expect(await ids('userName eq "ann" or userName eq "cid"')).toEqual([ann, cid].sort());
    expect(await ids('(userName eq "ann" or userName eq "ben") and title pr')).toEqual([ben]);
    expect(await ids('userName sw "b" or userName co "id"')).toEqual([ben, cid].sort());
    expect(await ids('displayName ew "cedar"')).toEqual([cid]);
    expect(await ids('externalId pr')).toEqual([ann, ben].sort());
    expect(await ids('active eq false')).toEqual([cid]);
    expect(await ids('not (active eq true)')).toEqual([cid]);
    expect(await ids(`${ENTERPRISE}:department eq "logistics"`)).toEqual([ben, cid].sort());
    expect(await ids(`${ENTERPRISE}:manager.value eq "${ann}"`)).toEqual([ben]);
    expect(await ids(`${CORE_USER}:userName eq "ann"`)).toEqual([ann]);
    expect(await ids('meta.created gt "2000-01-01T00:00:00Z" and userName eq "ben"')).toEqual([ben]);
    expect(await ids('USERNAME EQ "ann" OR username Eq "ben"')).toEqual([ann, ben].sort());
    expect((await ids('userName pr')).length).toBe(4);
    expect(await ids(`userName ne "ann" and userName ne "ben" and userName ne "cid"`)).toEqual([owner]);

    for (const [filter, why] of [
      ['nickName2 eq "x"', 'unknown attribute'],
      ['userName eq "unclosed', 'unclosed string'],
      ['userName eq', 'no value'],
      ['userName xx "a"', 'unknown operator'],
      ['userName eq "a" and', 'dangling and'],
      ['(userName eq "a"', 'unclosed parenthesis'],
      ['userName eq "a" "b"', 'left over'],
      ['emails[type eq "work"', 'unclosed bracket'],
      ['active eq "yes"', 'boolean compared with text'],
      ['meta.created gt "yesterday"', 'not a date'],
      ['urn:example:custom:2.0:User:badge eq "1"', 'unknown extension'],
      ['name.givenName eq "Ann"', 'not filterable'],
    ]) {
      const res = await s.get(`/Users?filter=${encodeURIComponent(filter!)}`);
      expect({ filter, why, status: res.status, scimType: res.body.scimType }).toEqual({
        filter,
        why,
        status: 400,
        scimType: 'invalidFilter',
      });
      expectScimError(res, 400, 'invalidFilter');
    }
  });

  it('pages with startIndex and count, and sorts', async () => {
    const co = await signUpCompany(t);
    const s = await scimFor(t, co);
    for (const name of ['p-e', 'p-b', 'p-d', 'p-a', 'p-c']) {
      expect((await s.post('/Users', { schemas: [CORE_USER], userName: name })).status).toBe(201);
    }
    const page = async (q: string) => (await s.get(`/Users?${q}`)).body;
    const all = await page('filter=userName%20sw%20%22p-%22');
    expect(all).toMatchObject({ totalResults: 5, startIndex: 1, itemsPerPage: 5 });
    expect(all.schemas).toEqual(['urn:ietf:params:scim:api:messages:2.0:ListResponse']);
    const second = await page('filter=userName%20sw%20%22p-%22&startIndex=3&count=2&sortBy=userName');
    expect(second).toMatchObject({ totalResults: 5, startIndex: 3, itemsPerPage: 2 });
    expect(second.Resources.map((r: { userName: string }) => r.userName)).toEqual(['p-c', 'p-d']);
    const desc = await page('filter=userName%20sw%20%22p-%22&count=2&sortBy=userName&sortOrder=descending');
    expect(desc.Resources.map((r: { userName: string }) => r.userName)).toEqual(['p-e', 'p-d']);
    expect(await page('count=0')).toMatchObject({ totalResults: 6, itemsPerPage: 0, Resources: [] });
    expect(await page('startIndex=99')).toMatchObject({ totalResults: 6, startIndex: 99, itemsPerPage: 0, Resources: [] });
    expect((await page('startIndex=-5&count=1')).startIndex).toBe(1);
    const projected = await page('filter=userName%20eq%20%22p-a%22&attributes=userName');
    expect(Object.keys(projected.Resources[0]).sort()).toEqual(['id', 'schemas', 'userName']);
    const excluded = await page('filter=userName%20eq%20%22p-a%22&excludedAttributes=meta,name');
    expect(excluded.Resources[0].meta).toBeUndefined();
    expect(excluded.Resources[0].userName).toBe('p-a');
    expectScimError(await s.get('/Users?count=ten'), 400, 'invalidValue');
    expectScimError(await s.get('/Users?sortBy=password'), 400, 'invalidValue');
    expectScimError(await s.get('/Users?sortOrder=sideways'), 400, 'invalidValue');
  });
});
