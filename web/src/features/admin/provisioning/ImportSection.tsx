import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import {
  discardImport,
  fetchImport,
  fetchLatestImport,
  importKey,
  latestImportKey,
  startRun,
  uploadImport,
  type Import,
} from '../../../api/imports';
import { Alert, ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { errorMessage } from '../../../ui/errors';
import { Loading } from '../../../ui/Loading';
import { ImportMappingForm } from './ImportMappingForm';
import { ImportAccessCodes, ImportCounts, ImportProgress } from './ImportResult';
import { ImportRows } from './ImportRows';

const ACCEPT = '.csv,.txt,.tsv,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Bulk import of people: upload a CSV or XLSX file, choose which column fills which field, check
 * it with a dry run (counts and each row's problem), run it with live progress, then the result,
 * the errors as a CSV file and access codes for people without e-mail.
 */
export function ImportSection() {
  const { t } = useTranslation();
  const client = useQueryClient();
  // null: pick up the newest import still in progress; 'new': the upload form; else that import.
  const [chosen, setChosen] = useState<string | null>(null);
  const latest = useQuery({ queryKey: latestImportKey, queryFn: fetchLatestImport });
  const auto = latest.data && latest.data.status !== 'finished' ? latest.data.id : null;
  const id = chosen === 'new' ? null : (chosen ?? auto);
  const current = useQuery({
    queryKey: importKey(id ?? ''),
    queryFn: () => fetchImport(id!),
    enabled: id !== null,
    // The job moves it on in the background: follow it every second while it works.
    refetchInterval: (q) => (q.state.data?.status === 'running' || q.state.data?.status === 'previewing' ? 1000 : false),
  });
  const show = (imp: Import) => {
    client.setQueryData(importKey(imp.id), imp);
    setChosen(imp.id);
  };
  const startOver = () => {
    setChosen('new');
    void client.invalidateQueries({ queryKey: latestImportKey });
  };

  let body;
  if (id === null) body = latest.isPending && chosen === null ? <Loading /> : <UploadForm onUploaded={show} />;
  else if (current.isError && isApiError(current.error) && current.error.status === 404) body = <UploadForm onUploaded={show} />;
  else if (current.isError) body = <ErrorAlert message={errorMessage(t, current.error)} />;
  else if (!current.data) body = <Loading />;
  else body = <ImportFlow imp={current.data} onChange={show} onStartOver={startOver} />;

  return (
    <section className="card section" aria-labelledby="import-title">
      <h2 id="import-title" className="section__title">
        {t('imports.title')}
      </h2>
      <p className="muted">{t('imports.lead')}</p>
      {body}
    </section>
  );
}

function UploadForm({ onUploaded }: { onUploaded: (imp: Import) => void }) {
  const { t } = useTranslation();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const upload = useMutation({ mutationFn: uploadImport, onSuccess: onUploaded });
  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) upload.mutate(file);
    event.target.value = '';
  };
  return (
    <div className="import-step">
      <p id={`${inputId}-hint`} className="field__hint">
        {t('imports.fileHint')}
      </p>
      <div className="actions">
        <input
          ref={input}
          id={inputId}
          type="file"
          accept={ACCEPT}
          className="file-input"
          aria-describedby={`${inputId}-hint`}
          onChange={choose}
          disabled={upload.isPending}
        />
        <label htmlFor={inputId} className={`btn btn--primary${upload.isPending ? ' is-disabled' : ''}`} aria-disabled={upload.isPending}>
          {upload.isPending ? t('imports.uploading') : t('imports.chooseFile')}
        </label>
      </div>
      <ErrorAlert message={upload.isError ? errorMessage(t, upload.error) : null} />
    </div>
  );
}

function FileFacts({ imp }: { imp: Import }) {
  const { t } = useTranslation();
  const delimiter = imp.delimiter === '\t' ? t('imports.tab') : imp.delimiter;
  return (
    <p className="import-file">
      <strong className="import-file__name">{imp.fileName}</strong>{' '}
      <span className="muted">
        {t('imports.rows', { count: imp.totalRows })}
        {' · '}
        {imp.format === 'xlsx' ? t('imports.excel') : t('imports.csvShape', { encoding: imp.encoding, delimiter })}
      </span>
    </p>
  );
}

function ImportFlow({ imp, onChange, onStartOver }: { imp: Import; onChange: (imp: Import) => void; onStartOver: () => void }) {
  const { t } = useTranslation();
  const run = useMutation({ mutationFn: () => startRun(imp.id), onSuccess: onChange });
  const discard = useMutation({ mutationFn: () => discardImport(imp.id), onSuccess: onStartOver });
  const started = imp.status === 'running' || imp.status === 'finished' || (imp.status === 'failed' && imp.phase !== null);
  const failure = run.error ?? discard.error;

  return (
    <div className="import-flow">
      <FileFacts imp={imp} />
      {!started ? <ImportMappingForm imp={imp} onChange={onChange} /> : null}

      {imp.status === 'previewing' || imp.status === 'running' ? <ImportProgress imp={imp} /> : null}

      {imp.status === 'previewed' ? (
        <div className="import-step">
          <h3 className="section__subtitle">{t('imports.previewTitle')}</h3>
          <ImportCounts imp={imp} />
          <ImportRows imp={imp} />
          <div className="actions">
            <Button
              busy={run.isPending}
              onClick={() => run.mutate()}
              disabled={imp.counts.create + imp.counts.update + imp.counts.deactivate === 0}
            >
              {t('imports.runNow', { count: imp.counts.create + imp.counts.update })}
            </Button>
          </div>
        </div>
      ) : null}

      {imp.status === 'failed' ? (
        <Alert tone="error">
          {imp.phase !== null ? t('imports.failedRun', { error: imp.error }) : t('imports.failedPreview', { error: imp.error })}
        </Alert>
      ) : null}
      {imp.status === 'failed' && imp.phase !== null ? (
        <div className="actions">
          <Button busy={run.isPending} onClick={() => run.mutate()}>
            {t('imports.resume')}
          </Button>
        </div>
      ) : null}

      {imp.status === 'finished' ? (
        <div className="import-step">
          <h3 className="section__subtitle">{t('imports.doneTitle')}</h3>
          <Alert tone="success">{t('imports.done', { count: imp.counts.create + imp.counts.update })}</Alert>
          <ImportCounts imp={imp} />
          {imp.access.invitationsSent > 0 ? <p>{t('imports.invitationsSent', { count: imp.access.invitationsSent })}</p> : null}
          <ImportAccessCodes imp={imp} />
          <ImportRows imp={imp} />
        </div>
      ) : null}

      <ErrorAlert message={failure ? errorMessage(t, failure) : null} />
      <div className="actions import-flow__end">
        {imp.status === 'finished' ? (
          <Button variant="secondary" onClick={onStartOver}>
            {t('imports.another')}
          </Button>
        ) : imp.status !== 'running' ? (
          <Button variant="ghost" busy={discard.isPending} onClick={() => discard.mutate()}>
            {t('imports.discard')}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
