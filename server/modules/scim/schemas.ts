import { CORE_GROUP, CORE_USER, ENTERPRISE_USER, RESOURCE_TYPE, SCHEMA, SERVICE_PROVIDER_CONFIG } from './urns.js';

/**
 * What this SCIM service knows of its resources (RFC 7643 §7): one definition per attribute,
 * used to read requests (names are case-insensitive; unknown ones are refused), to run PATCH, to
 * resolve filters, and published as /Schemas. Attributes marked `kept: false` are accepted and
 * returned as they were sent, but change nothing in Commonplace (addresses, nickName, …).
 */
export type AttrType = 'string' | 'boolean' | 'complex' | 'reference' | 'dateTime' | 'integer' | 'decimal' | 'binary';
export type Mutability = 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';

export interface AttrDef {
  name: string;
  type: AttrType;
  multiValued: boolean;
  description: string;
  required: boolean;
  caseExact: boolean;
  mutability: Mutability;
  returned: 'always' | 'never' | 'default' | 'request';
  uniqueness: 'none' | 'server' | 'global';
  canonicalValues?: string[];
  referenceTypes?: string[];
  subAttributes?: AttrDef[];
  /** false: accepted and echoed back, but not mapped to anything in Commonplace. */
  kept: boolean;
}

type Opts = Partial<Omit<AttrDef, 'name' | 'type' | 'description'>>;
const attr = (name: string, type: AttrType, description: string, o: Opts = {}): AttrDef => ({
  name,
  type,
  description,
  multiValued: false,
  required: false,
  caseExact: false,
  mutability: 'readWrite',
  returned: 'default',
  uniqueness: 'none',
  kept: true,
  ...o,
});
const unkept = (name: string, type: AttrType, description: string, o: Opts = {}) => attr(name, type, description, { ...o, kept: false });

/** value / display / type / primary: the usual sub-attributes of a multi-valued attribute. */
const multi = (name: string, description: string, kept: boolean, types: string[], extra: AttrDef[] = []): AttrDef =>
  attr(name, 'complex', description, {
    multiValued: true,
    kept,
    subAttributes: [
      attr('value', 'string', `The ${name} value.`, { kept }),
      unkept('display', 'string', 'A label for display.'),
      attr('type', 'string', 'What kind of value it is.', { canonicalValues: types, kept }),
      attr('primary', 'boolean', 'The preferred value of this attribute.', { kept }),
      ...extra,
    ],
  });

export const ID_ATTR = attr('id', 'string', 'Commonplace’s id of the resource.', {
  mutability: 'readOnly',
  returned: 'always',
  uniqueness: 'server',
  caseExact: true,
});
export const EXTERNAL_ID_ATTR = attr('externalId', 'string', 'The identity provider’s id of the resource.', { caseExact: true });
export const META_ATTR = attr('meta', 'complex', 'Resource metadata.', {
  mutability: 'readOnly',
  subAttributes: ['resourceType', 'created', 'lastModified', 'location', 'version'].map((n) =>
    attr(n, n === 'created' || n === 'lastModified' ? 'dateTime' : 'string', `meta.${n}`, { mutability: 'readOnly' }),
  ),
});

export const USER_ATTRS: AttrDef[] = [
  attr('userName', 'string', 'Unique sign-in name, stored lower-cased (the e-mail address when the person has no username).', {
    required: true,
    uniqueness: 'server',
  }),
  attr('name', 'complex', 'The person’s name; displayName comes from it when none is given.', {
    subAttributes: [
      attr('formatted', 'string', 'The full name.'),
      attr('familyName', 'string', 'Family name.'),
      attr('givenName', 'string', 'Given name.'),
      unkept('middleName', 'string', 'Middle name.'),
      unkept('honorificPrefix', 'string', 'Honorific prefix.'),
      unkept('honorificSuffix', 'string', 'Honorific suffix.'),
    ],
  }),
  attr('displayName', 'string', 'The name shown everywhere in Commonplace.'),
  unkept('nickName', 'string', 'Casual name.'),
  unkept('profileUrl', 'reference', 'A profile page elsewhere.', { referenceTypes: ['external'] }),
  attr('title', 'string', 'Job title.'),
  unkept('userType', 'string', 'Kind of user.'),
  unkept('preferredLanguage', 'string', 'Preferred language.'),
  unkept('locale', 'string', 'Locale.'),
  unkept('timezone', 'string', 'Time zone.'),
  attr('active', 'boolean', 'false deactivates the person: their sessions and live connections end at once.'),
  unkept('password', 'string', 'Never stored: people sign in through the company’s identity provider or set their own.', {
    mutability: 'writeOnly',
    returned: 'never',
  }),
  multi('emails', 'E-mail addresses; the primary (else the work, else the first) one is the person’s e-mail.', true, [
    'work',
    'home',
    'other',
  ]),
  multi('phoneNumbers', 'Phone numbers; the primary (else the work, else the first) one is shown on the profile.', true, [
    'work',
    'mobile',
    'home',
    'fax',
    'pager',
    'other',
  ]),
  multi('ims', 'Instant messaging addresses.', false, ['aim', 'gtalk', 'icq', 'xmpp', 'msn', 'skype', 'qq', 'yahoo']),
  multi('photos', 'Photo addresses.', false, ['photo', 'thumbnail']),
  attr('addresses', 'complex', 'Postal addresses.', {
    multiValued: true,
    kept: false,
    subAttributes: ['formatted', 'streetAddress', 'locality', 'region', 'postalCode', 'country', 'type']
      .map((n) => unkept(n, 'string', `addresses.${n}`))
      .concat([unkept('primary', 'boolean', 'addresses.primary')]),
  }),
  attr('groups', 'complex', 'Groups the person is in (managed through /Groups).', {
    multiValued: true,
    mutability: 'readOnly',
    kept: false,
    subAttributes: ['value', '$ref', 'display', 'type'].map((n) => unkept(n, 'string', `groups.${n}`, { mutability: 'readOnly' })),
  }),
  multi('entitlements', 'Entitlements.', false, []),
  multi('roles', 'Roles in the identity provider (Commonplace roles are set by admins).', false, []),
  multi('x509Certificates', 'Certificates.', false, []),
];

export const ENTERPRISE_ATTRS: AttrDef[] = [
  attr('employeeNumber', 'string', 'Employee id: unique in the company, also a sign-in handle.', { uniqueness: 'server' }),
  unkept('costCenter', 'string', 'Cost center.'),
  unkept('organization', 'string', 'Organization.'),
  unkept('division', 'string', 'Division.'),
  attr('department', 'string', 'Department.'),
  attr('manager', 'complex', 'The person’s manager: value is the manager’s id here.', {
    subAttributes: [
      attr('value', 'string', 'The manager’s id (a User id of this service).', { caseExact: true }),
      attr('$ref', 'reference', 'The manager’s User resource.', { referenceTypes: ['User'] }),
      attr('displayName', 'string', 'The manager’s name.', { mutability: 'readOnly' }),
    ],
  }),
];

export const GROUP_ATTRS: AttrDef[] = [
  attr('displayName', 'string', 'The group’s name in Commonplace.', { required: true }),
  attr('members', 'complex', 'The group’s members (Users); they become members of the Commonplace group.', {
    multiValued: true,
    subAttributes: [
      attr('value', 'string', 'A User id.', { mutability: 'immutable', caseExact: true }),
      attr('$ref', 'reference', 'The User resource.', { mutability: 'immutable', referenceTypes: ['User'] }),
      attr('display', 'string', 'The member’s name.', { mutability: 'readOnly' }),
      attr('type', 'string', 'Always User.', { mutability: 'immutable', canonicalValues: ['User'] }),
    ],
  }),
];

export const findAttr = (defs: AttrDef[], name: string): AttrDef | undefined => {
  const lower = name.toLowerCase();
  return defs.find((d) => d.name.toLowerCase() === lower);
};

/** Schema documents in the shape of RFC 7643 §7 (`kept` is ours and left out). */
function schemaDocument(id: string, name: string, description: string, attributes: AttrDef[], location: string) {
  const render = (d: AttrDef): Record<string, unknown> => {
    const { kept, subAttributes, ...rest } = d;
    void kept;
    return { ...rest, ...(subAttributes ? { subAttributes: subAttributes.map(render) } : {}) };
  };
  return {
    schemas: [SCHEMA],
    id,
    name,
    description,
    attributes: attributes.map(render),
    meta: { resourceType: 'Schema', location: `${location}/Schemas/${id}` },
  };
}

export function schemaDocuments(base: string) {
  return [
    schemaDocument(CORE_USER, 'User', 'A person of the company.', [EXTERNAL_ID_ATTR, ...USER_ATTRS], base),
    schemaDocument(ENTERPRISE_USER, 'EnterpriseUser', 'Employee number, department and manager.', ENTERPRISE_ATTRS, base),
    schemaDocument(
      CORE_GROUP,
      'Group',
      'A closed Commonplace group whose members the identity provider manages.',
      [EXTERNAL_ID_ATTR, ...GROUP_ATTRS],
      base,
    ),
  ];
}

export function resourceTypes(base: string) {
  return [
    {
      schemas: [RESOURCE_TYPE],
      id: 'User',
      name: 'User',
      endpoint: '/Users',
      description: 'People of the company',
      schema: CORE_USER,
      schemaExtensions: [{ schema: ENTERPRISE_USER, required: false }],
      meta: { resourceType: 'ResourceType', location: `${base}/ResourceTypes/User` },
    },
    {
      schemas: [RESOURCE_TYPE],
      id: 'Group',
      name: 'Group',
      endpoint: '/Groups',
      description: 'Groups made through SCIM',
      schema: CORE_GROUP,
      meta: { resourceType: 'ResourceType', location: `${base}/ResourceTypes/Group` },
    },
  ];
}

export const MAX_RESULTS = 200;

export function serviceProviderConfig(base: string) {
  return {
    schemas: [SERVICE_PROVIDER_CONFIG],
    documentationUri: 'https://www.rfc-editor.org/rfc/rfc7644',
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_RESULTS },
    changePassword: { supported: false },
    sort: { supported: true },
    etag: { supported: true },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'Bearer token',
        description: 'A token made by a company admin under Admin → Provisioning → SCIM, sent as "Authorization: Bearer <token>".',
        primary: true,
      },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: `${base}/ServiceProviderConfig` },
  };
}
