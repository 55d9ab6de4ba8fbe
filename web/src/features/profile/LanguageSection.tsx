import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { updateProfile } from '../../api/me';
import type { Locale, Person } from '../../api/types';
import { applyLocale } from '../../i18n';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { SelectField } from '../../ui/Field';
import { errorMessage } from '../../ui/errors';
import { updateSessionPerson } from '../session/sessionQuery';

const AUTO = 'auto';

/** The language is saved as soon as it is picked, and the whole app switches at once. */
export function LanguageSection({ person }: { person: Person }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const mutation = useMutation({
    mutationFn: (locale: Locale | null) => updateProfile({ locale }),
    onSuccess: (updated) => {
      updateSessionPerson(client, updated);
      applyLocale(updated.locale);
    },
  });
  const value = mutation.isPending ? (mutation.variables ?? AUTO) : (person.locale ?? AUTO);

  return (
    <section className="card section" aria-labelledby="profile-language">
      <h2 id="profile-language" className="section__title">
        {t('profile.languageTitle')}
      </h2>
      <SelectField
        label={t('fields.language')}
        hint={t('profile.languageHint')}
        value={value}
        disabled={mutation.isPending}
        onChange={(e) => mutation.mutate(e.target.value === AUTO ? null : (e.target.value as Locale))}
        options={[
          { value: AUTO, label: t('language.auto') },
          { value: 'en', label: 'English', lang: 'en' },
          { value: 'fr', label: 'Français', lang: 'fr' },
        ]}
      />
      <ErrorAlert message={mutation.isError ? errorMessage(t, mutation.error) : null} />
      {mutation.isSuccess ? <Alert tone="success">{t('profile.languageSaved')}</Alert> : null}
    </section>
  );
}
