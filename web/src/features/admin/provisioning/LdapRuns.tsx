import type { TFunction } from 'i18next';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  fetchLdapRun,
  fetchLdapRuns,
  isRunActive,
  ldapConfigKey,
  ldapRunKey,
  ldapRunsKey,
  startLdapSync,
  type LdapConfig,
  type LdapRun,
  type LdapRunDetail,
} from '../../../api/ldap';
import { Alert, ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { EmptyState } from '../../../ui/EmptyState';
import { errorMessage } from '../../../ui/errors';
import { formatDateTime } from '../../../ui/format';
import { LoadMore } from '../../../ui/LoadMore';
import { Loading } from '../../../ui/Loading';

const POLL_MS = 1000;
const SHOWN = 20;

/** Dry run and sync buttons, then the runs, newest first; a run being worked on is followed live. */
export function LdapRuns({ config }: { config: LdapConfig }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [open, setOpen] = useState<string | null>(null);
  const [force, setForce] = useState(false);
  const runs = useInfiniteQuery({
    queryKey: ldapRunsKey,
    queryFn: ({ pageParam }) => fetchLdapRuns(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: (q) => (q.state.data?.pages.some((p) => p.items.some(isRunActive)) ? POLL_MS : false),
  });
  const items = runs.data?.pages.flatMap((p) => p.items) ?? [];
  const active = items.some(isRunActive);
  // A finished dry run changes what the configuration allows (the first real sync).
  const wasActive = useRef(active);
  useEffect(() => {
    if (wasActive.current && !active) void client.invalidateQueries({ queryKey: ldapConfigKey });
    wasActive.current = active;
  }, [active, client]);

  const start = useMutation({
    mutationFn: (dryRun: boolean) => startLdapSync(dryRun, !dryRun && force),
    onSuccess: ({ runId }) => {
      setOpen(runId);
      setForce(false);
      void client.invalidateQueries({ queryKey: ldapRunsKey });
    },
  });
  const latest = items[0];
  const valveTripped = latest?.status === 'failed' && latest.error?.code === 'safety_valve';

  return (
    <div className="ldap-runs">
      {!config.dryRunDone ? <Alert tone="info">{t('ldap.dryRunNeeded')}</Alert> : null}
      {valveTripped ? (
        <label className="choice">
          <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} />
          <span className="choice__text">
            <span className="choice__label">{t('ldap.force')}</span>
            <span className="choice__hint">{t('ldap.forceHint')}</span>
          </span>
        </label>
      ) : null}
      <div className="actions">
        <Button variant="secondary" busy={start.isPending && start.variables} disabled={active} onClick={() => start.mutate(true)}>
          {t('ldap.dryRun')}
        </Button>
        <Button busy={start.isPending && !start.variables} disabled={active || !config.dryRunDone} onClick={() => start.mutate(false)}>
          {force ? t('ldap.syncForced') : t('ldap.syncNow')}
        </Button>
      </div>
      <ErrorAlert message={start.isError ? errorMessage(t, start.error) : null} />
      <h3 className="section__subtitle">{t('ldap.runs')}</h3>
      {runs.isPending ? (
        <Loading />
      ) : runs.isError ? (
        <ErrorAlert message={errorMessage(t, runs.error)} />
      ) : items.length === 0 ? (
        <EmptyState title={t('ldap.noRuns')} />
      ) : (
        <ul className="ldap-runs__list">
          {items.map((run) => (
            <li key={run.id} className="ldap-run">
              <RunSummary run={run} />
              <Button
                variant="secondary"
                small
                aria-expanded={open === run.id}
                aria-controls={`ldap-run-${run.id}`}
                onClick={() => setOpen(open === run.id ? null : run.id)}
              >
                {open === run.id ? t('ldap.hideDetails') : t('ldap.showDetails')}
              </Button>
              {open === run.id ? <RunDetail id={run.id} /> : null}
            </li>
          ))}
        </ul>
      )}
      <LoadMore query={runs} />
    </div>
  );
}

function kindLabel(run: LdapRun) {
  if (run.dryRun) return 'ldap.kind.dryRun' as const;
  return run.trigger === 'schedule' ? ('ldap.kind.scheduled' as const) : ('ldap.kind.sync' as const);
}

function RunSummary({ run }: { run: LdapRun }) {
  const { t } = useTranslation();
  const c = run.counts;
  return (
    <div className="ldap-run__main">
      <p className="ldap-run__title">
        {t(kindLabel(run))}
        <span className={`badge badge--${run.status === 'succeeded' ? 'ok' : 'off'}`}>{t(`ldap.status.${run.status}`)}</span>
      </p>
      <p className="ldap-run__meta">
        {formatDateTime(run.createdAt)}
        {run.requestedBy ? ` · ${run.requestedBy.name}` : ''}
        {run.forced ? ` · ${t('ldap.forced')}` : ''}
      </p>
      {isRunActive(run) ? (
        <Progress run={run} />
      ) : run.error ? (
        <p className="ldap-run__error">{runError(t, run)}</p>
      ) : (
        <p className="ldap-run__meta">
          {t(run.dryRun ? 'ldap.summaryDry' : 'ldap.summary', {
            created: c.created,
            updated: c.updated + c.reactivated,
            deactivated: c.deactivated,
            errors: c.errors,
          })}
        </p>
      )}
    </div>
  );
}

function runError(t: TFunction, run: LdapRun): string {
  const v = run.safetyValve;
  if (run.error?.code === 'safety_valve' && v)
    return t('ldap.valveRefused', { deactivations: v.deactivations, linked: v.linked, limit: v.limitPercent });
  return run.error?.message ?? '';
}

function Progress({ run }: { run: LdapRun }) {
  const { t } = useTranslation();
  const { processed, total } = run.progress;
  const label =
    run.status === 'queued'
      ? t('ldap.queued')
      : total === 0
        ? t('ldap.reading', { count: processed })
        : t('ldap.applying', { processed, total });
  return (
    <div className="ldap-progress" role="status">
      <span>{label}</span>
      {total > 0 ? <progress className="ldap-progress__bar" value={processed} max={total} /> : null}
    </div>
  );
}

const COUNT_KEYS = ['entries', 'created', 'updated', 'reactivated', 'deactivated', 'unchanged', 'skipped', 'errors'] as const;

function RunDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const run = useQuery({
    queryKey: ldapRunKey(id),
    queryFn: () => fetchLdapRun(id),
    refetchInterval: (q) => (!q.state.data || isRunActive(q.state.data) ? POLL_MS : false),
  });
  if (run.isPending) return <Loading />;
  if (run.isError) return <ErrorAlert message={errorMessage(t, run.error)} />;
  const r = run.data;
  return (
    <div id={`ldap-run-${id}`} className="ldap-detail">
      <dl className="ldap-counts">
        {COUNT_KEYS.map((k) => (
          <div key={k} className="ldap-counts__item">
            <dt>{t(`ldap.counts.${k}`)}</dt>
            <dd>{r.counts[k]}</dd>
          </div>
        ))}
      </dl>
      {r.safetyValve?.tripped && r.status !== 'failed' ? (
        <Alert tone="info">
          {t(r.dryRun ? 'ldap.valveWould' : 'ldap.valveForced', {
            deactivations: r.safetyValve.deactivations,
            linked: r.safetyValve.linked,
            limit: r.safetyValve.limitPercent,
          })}
        </Alert>
      ) : null}
      <Problems run={r} />
      <Changes run={r} />
    </div>
  );
}

function useShowAll(length: number): [number, () => void, boolean] {
  const [all, setAll] = useState(false);
  return [all ? length : Math.min(SHOWN, length), () => setAll(true), !all && length > SHOWN];
}

function Problems({ run }: { run: LdapRunDetail }) {
  const { t } = useTranslation();
  const [shown, showAll, more] = useShowAll(run.problems.length);
  if (run.problems.length === 0) return null;
  return (
    <section className="ldap-list">
      <h4 className="ldap-list__title">{t('ldap.problems', { count: run.counts.errors })}</h4>
      <ul className="ldap-list__items">
        {run.problems.slice(0, shown).map((p, i) => (
          <li key={i} className="ldap-item ldap-item--error">
            <span className="ldap-item__what">{p.field ? t(`ldap.fields.${p.field}`, { defaultValue: p.field }) : t('ldap.entry')}</span>
            <span className="ldap-item__message">{t(`ldap.problem.${p.code}`, { ...p.params, defaultValue: p.message })}</span>
            <span className="ldap-dn">{p.dn || p.key}</span>
          </li>
        ))}
      </ul>
      {more ? (
        <Button variant="secondary" small onClick={showAll}>
          {t('ldap.showAll', { count: run.problems.length })}
        </Button>
      ) : null}
    </section>
  );
}

function Changes({ run }: { run: LdapRunDetail }) {
  const { t } = useTranslation();
  const [shown, showAll, more] = useShowAll(run.changes.length);
  if (run.changes.length === 0) return null;
  return (
    <section className="ldap-list">
      <h4 className="ldap-list__title">{run.dryRun ? t('ldap.changesWould') : t('ldap.changesDone')}</h4>
      <ul className="ldap-list__items">
        {run.changes.slice(0, shown).map((c, i) => (
          <li key={i} className="ldap-item">
            <span className="ldap-item__what">{t(`ldap.actions.${c.action}`)}</span>
            <span className="ldap-item__message">
              {c.name}
              {c.action !== 'create' && c.fields.length > 0
                ? ` (${c.fields.map((f) => t(`ldap.fields.${f}`, { defaultValue: f })).join(', ')})`
                : ''}
            </span>
            {c.dn ? <span className="ldap-dn">{c.dn}</span> : null}
          </li>
        ))}
      </ul>
      {more ? (
        <Button variant="secondary" small onClick={showAll}>
          {t('ldap.showAll', { count: run.changes.length })}
        </Button>
      ) : null}
    </section>
  );
}
