import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { saveMapping, startPreview, type Import, type ImportField, type ImportMapping, type ImportOptions } from '../../../api/imports';
import { ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { SelectField } from '../../../ui/Field';
import { errorMessage } from '../../../ui/errors';

/** The fields in the order a person reads them; the first three make the name. */
const FIELDS: ImportField[] = [
  'name',
  'firstName',
  'lastName',
  'email',
  'employeeId',
  'username',
  'title',
  'department',
  'manager',
  'location',
  'phone',
  'role',
  'frontline',
];

function initialMapping(imp: Import): ImportMapping {
  if (imp.mapping) return imp.mapping;
  const columns = imp.suggested as ImportMapping['columns'];
  return {
    columns,
    options: { match: columns.employeeId || !columns.email ? 'employeeId' : 'email', sendAccess: 'none', deactivateMissing: false },
  };
}

/** A select per field (a native one: the strict CSP rules out Radix Select), the options, and the dry run. */
export function ImportMappingForm({ imp, onChange }: { imp: Import; onChange: (imp: Import) => void }) {
  const { t } = useTranslation();
  const [mapping, setMapping] = useState<ImportMapping>(() => initialMapping(imp));
  const check = useMutation({
    mutationFn: async () => startPreview((await saveMapping(imp.id, mapping)).id),
    onSuccess: onChange,
  });
  // The server names a column it does not know, or a missing one, as `columns.<field>`.
  const problems: Record<string, string> = {};
  if (isApiError(check.error)) {
    for (const e of check.error.problem.errors ??
      (check.error.problem.field ? [{ field: check.error.problem.field, message: check.error.problem.detail }] : [])) {
      problems[e.field] = e.message;
    }
  }
  const shown = Object.keys(problems).length > 0 ? null : check.error;
  const setColumn = (field: ImportField, column: string) =>
    setMapping((m) => {
      const columns = { ...m.columns };
      if (column) columns[field] = column;
      else delete columns[field];
      return { ...m, columns };
    });
  const setOption = <K extends keyof ImportOptions>(key: K, value: ImportOptions[K]) =>
    setMapping((m) => ({ ...m, options: { ...m.options, [key]: value } }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    check.mutate();
  };
  const headerOptions = [{ value: '', label: t('imports.notInFile') }, ...imp.headers.map((h) => ({ value: h, label: h }))];
  const busy = check.isPending || imp.status === 'previewing';

  return (
    <form className="form import-mapping" onSubmit={submit} noValidate>
      <h3 className="section__subtitle section__subtitle--first">{t('imports.sampleTitle')}</h3>
      <div className="table-wrap import-sample" tabIndex={0} role="region" aria-label={t('imports.sampleTitle')}>
        <table className="table">
          <thead>
            <tr>
              {imp.headers.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {imp.sample.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (
                  <td key={j}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3 className="section__subtitle">{t('imports.mappingTitle')}</h3>
      <p className="muted">{t('imports.mappingLead')}</p>
      <div className="import-fields">
        {FIELDS.map((field) => (
          <SelectField
            key={field}
            label={t(`imports.fields.${field}`)}
            value={mapping.columns[field] ?? ''}
            onChange={(e) => setColumn(field, e.target.value)}
            options={headerOptions}
            error={problems[`columns.${field}`] ?? null}
          />
        ))}
      </div>

      <h3 className="section__subtitle">{t('imports.optionsTitle')}</h3>
      <SelectField
        label={t('imports.match')}
        hint={t('imports.matchHint')}
        value={mapping.options.match}
        onChange={(e) => setOption('match', e.target.value as ImportOptions['match'])}
        options={[
          { value: 'employeeId', label: t('imports.fields.employeeId') },
          { value: 'email', label: t('imports.fields.email') },
        ]}
        error={problems['options.match'] ?? null}
      />
      <SelectField
        label={t('imports.sendAccess')}
        hint={t(`imports.sendAccessHint.${mapping.options.sendAccess}`)}
        value={mapping.options.sendAccess}
        onChange={(e) => setOption('sendAccess', e.target.value as ImportOptions['sendAccess'])}
        options={[
          { value: 'none', label: t('imports.sendAccessOption.none') },
          { value: 'invitations', label: t('imports.sendAccessOption.invitations') },
          { value: 'access_codes', label: t('imports.sendAccessOption.access_codes') },
        ]}
      />
      <label className="choice">
        <input
          type="checkbox"
          checked={mapping.options.deactivateMissing}
          onChange={(e) => setOption('deactivateMissing', e.target.checked)}
        />
        <span className="choice__text">
          <span className="choice__label">{t('imports.deactivateMissing')}</span>
          <span className="choice__hint">{t('imports.deactivateMissingHint')}</span>
        </span>
      </label>
      <ErrorAlert message={shown ? errorMessage(t, shown) : null} />
      <div className="actions">
        <Button type="submit" busy={busy} variant={imp.status === 'previewed' ? 'secondary' : 'primary'}>
          {imp.status === 'previewed' ? t('imports.checkAgain') : t('imports.check')}
        </Button>
      </div>
    </form>
  );
}
