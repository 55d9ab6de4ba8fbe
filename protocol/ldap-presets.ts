import type { LdapMapping } from './ldap.js';

/**
 * The directory presets: the filter and attribute mapping usual for Active Directory and for
 * OpenLDAP. Apart from the schemas (protocol/ldap.ts) so that the web app can offer them without
 * loading zod.
 */
export const LDAP_PRESETS = ['ad', 'openldap', 'custom'] as const;
export type LdapPreset = (typeof LDAP_PRESETS)[number];

export const PRESET_MAPPINGS: Record<Exclude<LdapPreset, 'custom'>, LdapMapping> = {
  ad: {
    key: 'objectGUID',
    username: ['sAMAccountName'],
    email: ['mail', 'userPrincipalName'],
    displayName: ['displayName', 'cn'],
    title: ['title'],
    department: ['department'],
    phone: ['telephoneNumber'],
    employeeId: ['employeeID', 'employeeNumber'],
    location: ['physicalDeliveryOfficeName', 'l'],
    manager: 'manager',
    disabled: { kind: 'userAccountControl' },
  },
  openldap: {
    key: 'entryUUID',
    username: ['uid'],
    email: ['mail'],
    displayName: ['cn', 'displayName'],
    title: ['title'],
    department: ['departmentNumber', 'ou'],
    phone: ['telephoneNumber'],
    employeeId: ['employeeNumber'],
    location: ['l'],
    manager: 'manager',
    disabled: { kind: 'attribute', attribute: 'pwdAccountLockedTime', value: null },
  },
};

export const PRESET_FILTERS: Record<Exclude<LdapPreset, 'custom'>, string> = {
  ad: '(&(objectClass=user)(objectCategory=person))',
  openldap: '(objectClass=inetOrgPerson)',
};
