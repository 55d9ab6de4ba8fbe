import { createHash } from 'node:crypto';

/** LDIF for test directories: people shaped like Active Directory's and like OpenLDAP's. */

export const AD_PEOPLE = 'ou=people,ou=ad,dc=test';
export const OL_PEOPLE = 'ou=people,ou=ol,dc=test';

export const containers = (): string =>
  ['ou=ad,dc=test', AD_PEOPLE, 'ou=ol,dc=test', OL_PEOPLE]
    .map((dn) => `dn: ${dn}\nobjectClass: organizationalUnit\nou: ${/^ou=([^,]+)/.exec(dn)?.[1]}\n`)
    .join('\n');

/** A stable 16-byte objectGUID per name. */
export const guidOf = (name: string): Buffer => createHash('sha256').update(name).digest().subarray(0, 16);

export interface AdPerson {
  /** The cn, also the RDN. */
  cn: string;
  sam?: string | null;
  mail?: string | null;
  upn?: string | null;
  displayName?: string | null;
  title?: string;
  department?: string;
  phone?: string;
  employeeId?: string;
  /** The manager's cn. */
  manager?: string | null;
  managerDn?: string;
  disabled?: boolean;
  guid?: boolean;
  password?: string;
}

export const adDn = (cn: string): string => `cn=${cn},${AD_PEOPLE}`;

export function adEntry(p: AdPerson): string {
  const lines = [
    `dn: ${adDn(p.cn)}`,
    'objectClass: user',
    'objectClass: testAdAccount',
    `cn: ${p.cn}`,
    `sn: ${p.cn.split(' ').pop()}`,
    'instanceType: 4',
    'nTSecurityDescriptor:: AAAA',
    'objectCategory: cn=Person,cn=Schema,cn=Configuration,dc=test',
    `userAccountControl: ${p.disabled ? 514 : 512}`,
  ];
  if (p.guid !== false) lines.push(`objectGUID:: ${guidOf(p.cn).toString('base64')}`);
  const opt = (name: string, v: string | null | undefined) => {
    if (v) lines.push(`${name}: ${v}`);
  };
  opt('sAMAccountName', p.sam);
  opt('mail', p.mail);
  opt('userPrincipalName', p.upn);
  opt('displayName', p.displayName);
  opt('title', p.title);
  opt('department', p.department);
  opt('telephoneNumber', p.phone);
  opt('employeeID', p.employeeId);
  opt('manager', p.managerDn ?? (p.manager ? adDn(p.manager) : null));
  opt('userPassword', p.password);
  return `${lines.join('\n')}\n`;
}

export const pad = (i: number): string => String(i).padStart(5, '0');

/**
 * `n` regular people `User 00000` … with a tree of managers (ten reports each), e-mail
 * `user00000@corp.test`, username `user00000`; the first ten have the password `pw-<i>`.
 */
export function adCompany(n: number): AdPerson[] {
  return Array.from({ length: n }, (_, i) => ({
    cn: `User ${pad(i)}`,
    sam: `user${pad(i)}`,
    mail: `user${pad(i)}@corp.test`,
    upn: `user${pad(i)}@corp.test`,
    displayName: `User ${pad(i)}`,
    title: 'Engineer',
    department: `Dept ${i % 20}`,
    phone: `+33 1 00 00 ${pad(i)}`,
    employeeId: `E${pad(i)}`,
    manager: i > 0 ? `User ${pad(Math.floor((i - 1) / 10))}` : null,
    ...(i < 10 ? { password: `pw-${i}` } : {}),
  }));
}

export interface OlPerson {
  uid: string | null;
  cn: string;
  mail?: string | null;
  displayName?: string | null;
  department?: string;
  title?: string;
  employeeNumber?: string;
  manager?: string | null;
  employeeType?: string;
  password?: string;
}

/** Entries are named by cn (uid may be missing). */
export const olDn = (cn: string): string => `cn=${cn},${OL_PEOPLE}`;

export function olEntry(p: OlPerson): string {
  const lines = [`dn: ${olDn(p.cn)}`, 'objectClass: inetOrgPerson', `cn: ${p.cn}`, `sn: ${p.cn.split(' ').pop()}`];
  const opt = (name: string, v: string | null | undefined) => {
    if (v) lines.push(`${name}: ${v}`);
  };
  opt('uid', p.uid);
  opt('mail', p.mail);
  opt('displayName', p.displayName);
  opt('departmentNumber', p.department);
  opt('title', p.title);
  opt('employeeNumber', p.employeeNumber);
  opt('manager', p.manager ? olDn(p.manager) : null);
  opt('employeeType', p.employeeType);
  opt('userPassword', p.password);
  return `${lines.join('\n')}\n`;
}
