import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { identitySettingsKey, saveIdentitySettings, type IdentitySettings } from '../../../api/identity';
import { errorsByPath, identityErrorMessage } from '../../auth/identityErrors';

export type PathErrors = Record<string, string>;

/**
 * Saving one section of the sign-in policy: only its fields are sent. The server's problems are
 * kept by their whole path ('workingHours.timeZone'), so each shows next to its input; a problem
 * about a field this section does not show goes above it.
 */
export function useSaveSettings(shownPaths: readonly string[]) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [errors, setErrors] = useState<PathErrors>({});
  const save = useMutation({
    mutationFn: (patch: Partial<IdentitySettings>) => saveIdentitySettings(patch),
    onMutate: () => setErrors({}),
    onSuccess: (view) => client.setQueryData(identitySettingsKey, view),
    onError: (error) => setErrors(errorsByPath(t, error)),
  });
  const shown = (path: string) => shownPaths.some((p) => path === p || path.startsWith(`${p}.`));
  const paths = Object.keys(errors);
  const formError = save.isError && (paths.length === 0 || !paths.every(shown)) ? identityErrorMessage(t, save.error) : null;
  return { save, errors, setErrors, formError };
}

/** A whole number typed in a box, or undefined when it is not one within the bounds. */
export function wholeNumber(value: string, min: number, max: number): number | undefined {
  if (!/^\d+$/.test(value.trim())) return undefined;
  const n = Number(value.trim());
  return n >= min && n <= max ? n : undefined;
}
