import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorsCsvUrl, fetchImportRows, importRowsKey, type Import, type ImportRow, type RowStatus } from '../../../api/imports';
import { ErrorAlert } from '../../../ui/Alert';
import { SelectField } from '../../../ui/Field';
import { errorMessage } from '../../../ui/errors';
import { LoadMore } from '../../../ui/LoadMore';
import { Loading } from '../../../ui/Loading';

const STATUSES: RowStatus[] = ['error', 'create', 'update', 'unchanged'];
const COUNT_OF: Record<RowStatus, keyof Import['counts']> = { error: 'error', create: 'create', update: 'update', unchanged: 'unchanged' };

/** What each row did (or would do), ten at a time, errors first; the errors as a CSV file to fix and upload again. */
export function ImportRows({ imp }: { imp: Import }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<RowStatus>(imp.counts.error > 0 ? 'error' : 'create');
  const rows = useInfiniteQuery({
    // The run replaces the dry run's results: the import's time tells them apart.
    queryKey: [...importRowsKey(imp.id, status), imp.status, imp.updatedAt],
    queryFn: ({ pageParam }) => fetchImportRows(imp.id, status, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = rows.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="import-rows">
      <SelectField
        label={t('imports.showRows')}
        value={status}
        onChange={(e) => setStatus(e.target.value as RowStatus)}
        options={STATUSES.map((s) => ({ value: s, label: t(`imports.rowStatus.${s}`, { count: imp.counts[COUNT_OF[s]] }) }))}
      />
      {rows.isPending ? <Loading /> : null}
      <ErrorAlert message={rows.isError ? errorMessage(t, rows.error) : null} />
      {rows.isSuccess && items.length === 0 ? <p className="muted">{t('imports.noRows')}</p> : null}
      {items.length > 0 ? (
        <ul className="import-rows__list">
          {items.map((row) => (
            <RowItem key={row.row} row={row} />
          ))}
        </ul>
      ) : null}
      <LoadMore query={rows} />
      {imp.counts.error > 0 ? (
        <p>
          <a href={errorsCsvUrl(imp.id)} download>
            {t('imports.errorsCsv', { count: imp.counts.error })}
          </a>
        </p>
      ) : null}
    </div>
  );
}

function RowItem({ row }: { row: ImportRow }) {
  const { t } = useTranslation();
  // A name may be a thousand characters long (that is the row's error): the start is enough here.
  const name = row.name && row.name.length > 80 ? `${row.name.slice(0, 80)}…` : row.name;
  const who = [name, row.key ? `(${row.key})` : null].filter(Boolean).join(' ');
  // The file's own column name is what the admin recognises; the field's name when there is none.
  const where = row.column ?? (row.field ? t(`imports.fields.${row.field}`, { defaultValue: row.field }) : null);
  return (
    <li className={`import-row import-row--${row.status}`}>
      <span className="import-row__where">{t('imports.row', { row: row.row })}</span>
      <span className="import-row__who">{who || t('imports.noName')}</span>
      {row.status === 'update' && row.message ? (
        <span className="import-row__what">{t('imports.changes', { fields: row.message })}</span>
      ) : row.message ? (
        <span className="import-row__what">{where ? `${where}: ${row.message}` : row.message}</span>
      ) : null}
    </li>
  );
}
