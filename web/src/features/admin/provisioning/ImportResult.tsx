import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadCodeSheet, issueImportCodes, type Import, type IssuedAccessCode } from '../../../api/imports';
import { Alert, ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { errorMessage } from '../../../ui/errors';
import { useSession } from '../../session/SessionContext';

/** The bar the admin watches while a dry run or a run works through the file. */
export function ImportProgress({ imp }: { imp: Import }) {
  const { t } = useTranslation();
  const { done, total } = imp.progress;
  const phase = imp.status === 'previewing' ? 'preview' : (imp.phase ?? 'people');
  const percent = total ? Math.floor((Math.min(done, total) / total) * 100) : 0;
  return (
    <div className="import-progress" aria-live="polite">
      <p className="import-progress__label">
        {t(`imports.phase.${phase}`)} {phase === 'people' || phase === 'preview' ? t('imports.progress', { done, total, percent }) : null}
      </p>
      <progress className="import-progress__bar" max={total || 1} value={phase === 'people' || phase === 'preview' ? done : total}>
        {percent}%
      </progress>
      {imp.status === 'running' ? <ImportCounts imp={imp} /> : null}
    </div>
  );
}

/** Created, updated, unchanged, errors (and deactivated): what a dry run foresees or a run did. */
export function ImportCounts({ imp }: { imp: Import }) {
  const { t } = useTranslation();
  const dry = imp.dryRun;
  const items: Array<[string, number]> = [
    [dry ? t('imports.counts.willCreate') : t('imports.counts.created'), imp.counts.create],
    [dry ? t('imports.counts.willUpdate') : t('imports.counts.updated'), imp.counts.update],
    [t('imports.counts.unchanged'), imp.counts.unchanged],
    [t('imports.counts.errors'), imp.counts.error],
  ];
  if (imp.mapping?.options.deactivateMissing)
    items.push([dry ? t('imports.counts.willDeactivate') : t('imports.counts.deactivated'), imp.counts.deactivate]);
  return (
    <dl className="import-counts">
      {items.map(([label, value]) => (
        <div key={label} className="import-counts__item">
          <dt>{label}</dt>
          <dd>{value.toLocaleString()}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * Access codes for the people imported without an e-mail, 500 at a time. A code is shown only once,
 * so they are issued here, with the admin present to print the sheet (PDF) or save the CSV.
 */
export function ImportAccessCodes({ imp }: { imp: Import }) {
  const { t } = useTranslation();
  const { csrfToken } = useSession();
  const [issued, setIssued] = useState<IssuedAccessCode[]>([]);
  const [remaining, setRemaining] = useState(imp.access.codesToIssue);
  const issue = useMutation({
    mutationFn: () => issueImportCodes(imp.id),
    onSuccess: (res) => {
      setIssued(res.items);
      setRemaining(res.remaining);
    },
  });
  const sheet = useMutation({ mutationFn: (format: 'pdf' | 'csv') => downloadCodeSheet(format, issued, csrfToken) });
  if (imp.access.codesToIssue + imp.access.codesIssued === 0) return null;
  const failure = issue.error ?? sheet.error;

  return (
    <div className="import-codes">
      <h4 className="import-codes__title">{t('imports.codesTitle')}</h4>
      {remaining > 0 ? (
        <>
          <p className="muted">{t('imports.codesLead', { count: remaining })}</p>
          <div className="actions">
            <Button busy={issue.isPending} onClick={() => issue.mutate()}>
              {t('imports.issueCodes', { count: Math.min(remaining, 500) })}
            </Button>
          </div>
        </>
      ) : issued.length === 0 ? (
        <p className="muted">{t('imports.codesAllIssued', { count: imp.access.codesIssued })}</p>
      ) : null}
      {issued.length > 0 ? (
        <>
          <Alert tone="info">{t('imports.codesOnce', { count: issued.length })}</Alert>
          <div className="actions">
            <Button variant="secondary" busy={sheet.isPending && sheet.variables === 'pdf'} onClick={() => sheet.mutate('pdf')}>
              {t('imports.codesPdf')}
            </Button>
            <Button variant="secondary" busy={sheet.isPending && sheet.variables === 'csv'} onClick={() => sheet.mutate('csv')}>
              {t('imports.codesCsv')}
            </Button>
          </div>
          <ul className="import-codes__list">
            {issued.map((c) => (
              <li key={c.personId} className="import-codes__item">
                <span>{c.displayName}</span>
                <span className="muted">{c.login}</span>
                <code className="import-codes__code">{c.code}</code>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <ErrorAlert message={failure ? errorMessage(t, failure) : null} />
    </div>
  );
}
