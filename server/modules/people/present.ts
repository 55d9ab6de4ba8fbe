import type { Person } from '../../../protocol/api.js';
import type { PeopleTable } from '../../db/schema.js';

export const iso = (ms: number): string => new Date(ms).toISOString();

/** The API shape of a person. E-mail is shown to colleagues (it is a work directory). */
export function toPerson(p: PeopleTable): Person {
  return {
    id: p.id,
    displayName: p.display_name,
    email: p.email,
    role: p.role,
    status: p.status,
    title: p.title,
    department: p.department,
    locale: p.locale === 'en' || p.locale === 'fr' ? p.locale : null,
    photoUrl: p.photo_file_id ? `/api/v1/files/${p.photo_file_id}` : null,
    createdAt: iso(p.created_at),
    location: p.location,
    phone: p.phone,
    about: p.about,
    skills: parseSkills(p.skills),
    managerId: p.manager_id,
    employeeId: p.employee_id,
    isBot: p.is_bot === 1,
  };
}

export function parseSkills(json: string | null | undefined): string[] {
  if (!json) return [];
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
}
