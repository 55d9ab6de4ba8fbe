import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchProfileFields, updateProfileField, type ProfileField } from '../../../api/people';
import { myFieldsKey, profileFieldsKey } from '../../../api/queryKeys';
import { ErrorAlert } from '../../../ui/Alert';
import { EmptyState } from '../../../ui/EmptyState';
import { errorMessage } from '../../../ui/errors';
import { Loading } from '../../../ui/Loading';
import { usePageTitle } from '../../../ui/usePageTitle';
import { useSession } from '../../session/SessionContext';
import { AdminTabs } from '../AdminTabs';
import { CreateFieldForm } from './CreateFieldForm';
import { FieldRow } from './FieldRow';

/** The company's own profile fields: add, rename, reorder, choose who sees them, delete. */
export function ProfileFieldsPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  usePageTitle(t('profileFields.title'), org.name);
  const client = useQueryClient();
  const fields = useQuery({ queryKey: profileFieldsKey, queryFn: fetchProfileFields });
  const items = fields.data?.items ?? [];

  // Moving one field renumbers the list 0, 1, 2…; only the fields whose number changes are sent.
  const move = useMutation({
    mutationFn: async ({ index, by }: { index: number; by: -1 | 1 }) => {
      const next = [...items];
      const [moved] = next.splice(index, 1);
      if (!moved) return;
      next.splice(index + by, 0, moved);
      const changed = next.map((f, order) => ({ f, order })).filter(({ f, order }) => f.order !== order);
      for (const { f, order } of changed) await updateProfileField(f.id, { order });
    },
    onSettled: () => {
      void client.invalidateQueries({ queryKey: profileFieldsKey });
      void client.invalidateQueries({ queryKey: myFieldsKey });
    },
  });

  return (
    <section className="page page--wide">
      <header className="page__header">
        <h1 className="page__title">{t('profileFields.title')}</h1>
        <p className="page__lead">{t('profileFields.lead')}</p>
      </header>
      <AdminTabs />
      <section className="card section" aria-labelledby="fields-list">
        <h2 id="fields-list" className="section__title">
          {t('profileFields.listTitle')}
        </h2>
        {fields.isPending ? <Loading label={t('profileFields.loading')} /> : null}
        {fields.isError ? <ErrorAlert message={errorMessage(t, fields.error)} /> : null}
        <ErrorAlert message={move.isError ? errorMessage(t, move.error) : null} />
        {fields.isSuccess && items.length === 0 ? <EmptyState title={t('profileFields.empty')} /> : null}
        {items.length > 0 ? (
          <ol className="field-rows" aria-labelledby="fields-list">
            {items.map((f: ProfileField, i) => (
              <FieldRow
                key={f.id}
                field={f}
                position={i}
                total={items.length}
                busy={move.isPending}
                onMove={(by) => move.mutate({ index: i, by })}
              />
            ))}
          </ol>
        ) : null}
      </section>
      {fields.isSuccess ? <CreateFieldForm nextOrder={items.reduce((max, f) => Math.max(max, f.order + 1), 0)} /> : null}
    </section>
  );
}
