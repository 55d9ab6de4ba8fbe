import {
  PRESET_FILTERS,
  PRESET_MAPPINGS,
  type LdapConfig,
  type LdapConfigInput,
  type LdapMapping,
  type LdapPreset,
} from '../../../api/ldap';

/** The directory form as typed: attribute lists are comma-separated text until saved. */
export interface MappingDraft {
  key: string;
  username: string;
  email: string;
  displayName: string;
  title: string;
  department: string;
  phone: string;
  employeeId: string;
  location: string;
  manager: string;
  disabledKind: LdapMapping['disabled']['kind'];
  disabledAttribute: string;
  disabledValue: string;
}

export interface LdapDraft {
  preset: LdapPreset;
  url: string;
  startTls: boolean;
  caCertificate: string;
  bindDn: string;
  /** Empty: keep the stored one. */
  bindPassword: string;
  baseDn: string;
  userFilter: string;
  mapping: MappingDraft;
  scheduleMinutes: string;
  signInWithBind: boolean;
  maxDeactivatePercent: string;
}

export const LIST_FIELDS = ['username', 'email', 'displayName', 'title', 'department', 'phone', 'employeeId', 'location'] as const;

export function mappingDraft(m: LdapMapping): MappingDraft {
  return {
    key: m.key,
    username: m.username.join(', '),
    email: m.email.join(', '),
    displayName: m.displayName.join(', '),
    title: m.title.join(', '),
    department: m.department.join(', '),
    phone: m.phone.join(', '),
    employeeId: m.employeeId.join(', '),
    location: m.location.join(', '),
    manager: m.manager ?? '',
    disabledKind: m.disabled.kind,
    disabledAttribute: m.disabled.kind === 'attribute' ? m.disabled.attribute : '',
    disabledValue: m.disabled.kind === 'attribute' ? (m.disabled.value ?? '') : '',
  };
}

export function draftFrom(config: LdapConfig | null): LdapDraft {
  if (!config) {
    return {
      preset: 'ad',
      url: '',
      startTls: false,
      caCertificate: '',
      bindDn: '',
      bindPassword: '',
      baseDn: '',
      userFilter: PRESET_FILTERS.ad,
      mapping: mappingDraft(PRESET_MAPPINGS.ad),
      scheduleMinutes: '0',
      signInWithBind: false,
      maxDeactivatePercent: '20',
    };
  }
  return {
    preset: config.preset,
    url: config.url,
    startTls: config.startTls,
    caCertificate: config.caCertificate ?? '',
    bindDn: config.bindDn,
    bindPassword: '',
    baseDn: config.baseDn,
    userFilter: config.userFilter,
    mapping: mappingDraft(config.mapping),
    scheduleMinutes: String(config.scheduleMinutes),
    signInWithBind: config.signInWithBind,
    maxDeactivatePercent: String(config.maxDeactivatePercent),
  };
}

/** A preset fills in its filter and mapping; "custom" keeps what is there to be edited. */
export function withPreset(draft: LdapDraft, preset: LdapPreset): LdapDraft {
  if (preset === 'custom') return { ...draft, preset };
  return { ...draft, preset, userFilter: PRESET_FILTERS[preset], mapping: mappingDraft(PRESET_MAPPINGS[preset]) };
}

const list = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export function mappingFrom(m: MappingDraft): LdapMapping {
  const disabled: LdapMapping['disabled'] =
    m.disabledKind === 'attribute'
      ? { kind: 'attribute', attribute: m.disabledAttribute.trim(), value: m.disabledValue.trim() || null }
      : { kind: m.disabledKind };
  return {
    key: m.key.trim(),
    username: list(m.username),
    email: list(m.email),
    displayName: list(m.displayName),
    title: list(m.title),
    department: list(m.department),
    phone: list(m.phone),
    employeeId: list(m.employeeId),
    location: list(m.location),
    manager: m.manager.trim() || null,
    disabled,
  };
}

/** What the connection test takes: the directory part of the form (the stored password if none typed). */
export function testInput(d: LdapDraft) {
  return {
    url: d.url.trim(),
    startTls: d.startTls,
    caCertificate: d.caCertificate.trim() || null,
    bindDn: d.bindDn.trim(),
    ...(d.bindPassword ? { bindPassword: d.bindPassword } : {}),
    baseDn: d.baseDn.trim(),
    preset: d.preset,
    userFilter: d.userFilter.trim(),
    mapping: mappingFrom(d.mapping),
  };
}

export function configInput(d: LdapDraft): LdapConfigInput {
  return {
    ...testInput(d),
    scheduleMinutes: Number(d.scheduleMinutes),
    signInWithBind: d.signInWithBind,
    maxDeactivatePercent: Number(d.maxDeactivatePercent),
  };
}

export const SCHEDULES = [0, 15, 30, 60, 120, 360, 720, 1440];
