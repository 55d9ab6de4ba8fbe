import { IMPORT_FIELDS, type ImportColumns, type ImportField, type ImportMapping } from '../../../protocol/imports.js';
import type { Role } from '../../db/schema.js';
import { badInput } from '../../errors.js';
import { foldForSearch } from '../../lib/text.js';
import { normalizeEmail } from '../people/store.js';

/** A header folded to letters and digits only: "E-mail", "e mail" and "Email" are all "email". */
const key = (header: string): string => foldForSearch(header).replace(/[^a-z0-9]/g, '');

/** Headers people write for each field, English and French, folded as `key` does. */
const EXACT: Record<ImportField, string[]> = {
  name: [
    'name',
    'fullname',
    'displayname',
    'employeename',
    'nomcomplet',
    'nometprenom',
    'prenometnom',
    'prenomnom',
    'nomprenom',
    'collaborateur',
    'salarie',
  ],
  firstName: ['firstname', 'givenname', 'first', 'forename', 'prenom'],
  lastName: ['lastname', 'surname', 'familyname', 'last', 'nom', 'nomdefamille', 'nomdusage'],
  email: ['email', 'mail', 'emailaddress', 'workemail', 'courriel', 'adressemail', 'adresseemail', 'adressecourriel', 'mel'],
  username: ['username', 'login', 'user', 'samaccountname', 'identifiant', 'nomdutilisateur', 'utilisateur'],
  employeeId: [
    'employeeid',
    'employeenumber',
    'employeeno',
    'staffid',
    'staffnumber',
    'personnelnumber',
    'id',
    'matricule',
    'numeroemploye',
    'numerodemploye',
    'numerosalarie',
    'idsalarie',
  ],
  title: ['title', 'jobtitle', 'position', 'job', 'poste', 'fonction', 'intituledeposte', 'intituleduposte', 'emploi', 'titre'],
  department: ['department', 'dept', 'team', 'division', 'service', 'departement', 'equipe', 'direction'],
  manager: [
    'manager',
    'managerid',
    'manageremployeeid',
    'manageremail',
    'reportsto',
    'supervisor',
    'responsable',
    'superieur',
    'superieurhierarchique',
    'n1',
    'matriculemanager',
    'managermatricule',
  ],
  phone: ['phone', 'phonenumber', 'telephone', 'tel', 'mobile', 'mobilephone', 'cellphone', 'portable', 'numerodetelephone'],
  location: [
    'location',
    'site',
    'office',
    'city',
    'workplace',
    'lieu',
    'lieudetravail',
    'bureau',
    'ville',
    'localisation',
    'etablissement',
    'agence',
    'magasin',
  ],
  role: ['role', 'accessrole', 'accesslevel', 'droits', 'profil'],
  frontline: ['frontline', 'deskless', 'terrain', 'personnelterrain', 'sansemail'],
};

/** When no header is an exact name: a header containing one of these words, checked in this order. */
const CONTAINS: Array<[ImportField, string[]]> = [
  ['manager', ['manager', 'responsable', 'superieur', 'supervisor', 'reportsto']],
  ['email', ['mail', 'courriel']],
  ['employeeId', ['matricule', 'employeeid', 'employeenumber', 'staffid']],
  ['firstName', ['firstname', 'givenname', 'prenom']],
  ['lastName', ['lastname', 'surname', 'familyname', 'nomdefamille']],
  ['username', ['username', 'login', 'identifiant']],
  ['phone', ['phone', 'telephone', 'mobile']],
  ['department', ['department', 'departement', 'service']],
  ['title', ['jobtitle', 'poste', 'fonction']],
  ['location', ['location', 'site', 'office', 'bureau']],
];

/** The column suggested for each field from the headers' names; each header serves one field at most. */
export function suggestColumns(headers: string[]): ImportColumns {
  const out: ImportColumns = {};
  const taken = new Set<string>();
  const keys = headers.map((h) => [h, key(h)] as const);
  for (const field of IMPORT_FIELDS) {
    const hit = keys.find(([h, k]) => !taken.has(h) && EXACT[field].includes(k));
    if (hit) {
      out[field] = hit[0];
      taken.add(hit[0]);
    }
  }
  for (const [field, words] of CONTAINS) {
    if (out[field]) continue;
    const hit = keys.find(([h, k]) => !taken.has(h) && words.some((w) => k.includes(w)));
    if (hit) {
      out[field] = hit[0];
      taken.add(hit[0]);
    }
  }
  // A full name wins over its parts; a lone "Nom" next to a full name is not a last name.
  if (out.name && out.lastName && !out.firstName) delete out.lastName;
  return out;
}

/** Checks the mapping against the file: a 400 naming `columns.<field>` for a column it does not have. */
export function checkMapping(mapping: ImportMapping, headers: string[]): void {
  const cols = mapping.columns as ImportColumns;
  for (const field of IMPORT_FIELDS) {
    const col = cols[field];
    if (col !== undefined && !headers.includes(col)) throw badInput(`columns.${field}`, `the file has no column "${col}"`);
  }
  if (!cols.name && !cols.firstName && !cols.lastName)
    throw badInput('columns.name', 'choose the column with the names (or first and last names)');
  const match = mapping.options.match;
  if (!cols[match])
    throw badInput(`columns.${match}`, `people are matched by ${match === 'email' ? 'e-mail' : 'employee id'}: choose its column`);
}

/** A row as the values of people's attributes; `undefined` is "not in the file", never "clear it". */
export interface RowValues {
  name: string | undefined;
  email: string | undefined;
  username: string | undefined;
  employeeId: string | undefined;
  title: string | undefined;
  department: string | undefined;
  phone: string | undefined;
  location: string | undefined;
  manager: string | undefined;
  role: Exclude<Role, 'owner'> | undefined;
  frontline: boolean | undefined;
}

const ROLES: Record<string, Exclude<Role, 'owner'>> = {
  member: 'member',
  membre: 'member',
  employee: 'member',
  employe: 'member',
  user: 'member',
  utilisateur: 'member',
  admin: 'admin',
  administrator: 'admin',
  administrateur: 'admin',
  administratrice: 'admin',
  guest: 'guest',
  invite: 'guest',
  invitee: 'guest',
  externe: 'guest',
  external: 'guest',
};
const YES = new Set(['yes', 'y', 'true', '1', 'x', 'oui', 'o', 'vrai']);
const NO = new Set(['no', 'n', 'false', '0', 'non', 'faux']);

export interface RowProblem {
  field: ImportField;
  message: string;
}

/**
 * The row's cells → values. An empty cell is "no value": for a new person the field stays empty,
 * for an existing one it stays as it is (so a file with fewer columns never erases anything).
 */
export function rowValues(cells: string[], headers: string[], cols: ImportColumns): { values: RowValues; problem: RowProblem | null } {
  const cell = (field: ImportField): string | undefined => {
    const col = cols[field];
    if (!col) return undefined;
    const v = (cells[headers.indexOf(col)] ?? '').trim();
    return v === '' ? undefined : v;
  };
  const name = cell('name') ?? ([cell('firstName'), cell('lastName')].filter(Boolean).join(' ') || undefined);
  let problem: RowProblem | null = null;
  let role: RowValues['role'];
  const roleCell = cell('role');
  if (roleCell !== undefined) {
    const folded = key(roleCell);
    role = ROLES[folded];
    if (!role)
      problem = {
        field: 'role',
        message:
          folded === 'owner' || folded === 'proprietaire'
            ? 'owners are not made by an import: use member, admin or guest'
            : 'must be member, admin or guest',
      };
  }
  let frontline: boolean | undefined;
  const frontCell = cell('frontline');
  if (frontCell !== undefined) {
    const folded = foldForSearch(frontCell).trim();
    if (YES.has(folded)) frontline = true;
    else if (NO.has(folded)) frontline = false;
    else problem ??= { field: 'frontline', message: 'must be yes or no' };
  }
  const values: RowValues = {
    name,
    email: cell('email'),
    username: cell('username'),
    employeeId: cell('employeeId'),
    title: cell('title'),
    department: cell('department'),
    phone: cell('phone'),
    location: cell('location'),
    manager: cell('manager'),
    role,
    frontline,
  };
  return { values, problem };
}

/** The value a row is matched by, as stored (e-mail lower-cased, employee id trimmed). */
export function matchValue(values: RowValues, match: 'employeeId' | 'email'): string | undefined {
  if (match === 'email') return values.email ? normalizeEmail(values.email) : undefined;
  return values.employeeId?.trim() || undefined;
}
