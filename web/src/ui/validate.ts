import type { TFunction } from 'i18next';

// The same rules as the server's schemas (protocol/api.ts), checked first so that most mistakes
// are explained in the person's language without a round trip.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const PASSWORD_MIN = 10;

export function validateRequired(t: TFunction, value: string): string | undefined {
  return value.trim() === '' ? t('validation.required') : undefined;
}

export function validateEmail(t: TFunction, value: string): string | undefined {
  if (value.trim() === '') return t('validation.required');
  return EMAIL.test(value.trim()) ? undefined : t('validation.email');
}

export function validatePassword(t: TFunction, value: string): string | undefined {
  if (value === '') return t('validation.required');
  return value.length < PASSWORD_MIN ? t('validation.minLength', { count: PASSWORD_MIN }) : undefined;
}

/** Keeps only the fields that have a message, so "no keys" means "valid". */
export function onlyErrors<K extends string>(found: Partial<Record<K, string | undefined>>): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const key of Object.keys(found) as K[]) {
    const message = found[key];
    if (message) out[key] = message;
  }
  return out;
}
