import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchPeople } from '../../../api/admin';
import { accessCodesKey, issueAccessCodes, type IssuedAccessCode } from '../../../api/identity';
import type { Person } from '../../../api/types';
import { adminPeopleKey } from '../../../realtime/applyEvent';
import { ErrorAlert } from '../../../ui/Alert';
import { Avatar } from '../../../ui/Avatar';
import { Button } from '../../../ui/Button';
import { TextField } from '../../../ui/Field';
import { Loading } from '../../../ui/Loading';
import { errorMessage } from '../../../ui/errors';
import { useDebounced } from '../../../ui/useDebounced';
import { identityFieldErrors, identityFormError } from '../../auth/identityErrors';

export interface Picked {
  id: string;
  displayName: string;
}

interface Props {
  picked: Picked[];
  onPick(person: Person): void;
  onUnpick(id: string): void;
  onIssued(codes: IssuedAccessCode[]): void;
}

/** Whom to give a code: search active people, pick them, issue one code each. */
export function IssueCodesForm({ picked, onPick, onUnpick, onIssued }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const titleId = useId();
  const [q, setQ] = useState('');
  const search = useDebounced(q.trim());
  const results = useQuery({
    queryKey: [...adminPeopleKey, 'access-code-pick', search],
    queryFn: () => fetchPeople({ q: search, role: '', status: 'active' }),
    enabled: search !== '',
  });
  const issue = useMutation({
    mutationFn: () => issueAccessCodes(picked.map((p) => p.id)),
    // The codes are handed to the page's state; no copy stays in the mutation cache.
    gcTime: 0,
    onSuccess: (answer) => {
      void client.invalidateQueries({ queryKey: accessCodesKey });
      onIssued(answer.items);
    },
  });
  const chosen = new Set(picked.map((p) => p.id));
  const items = results.data?.items ?? [];
  const pickError = issue.isError ? identityFieldErrors(t, issue.error).personIds : undefined;

  return (
    <div className="form form--wide">
      <p className="muted">{t('identity.codes.issueLead')}</p>
      <ErrorAlert message={identityFormError(t, issue.error, ['personIds'])} />
      <div className="picker">
        <TextField
          label={t('identity.codes.search')}
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={t('identity.codes.searchPlaceholder')}
          autoComplete="off"
          error={pickError}
        />
        {results.isFetching ? <Loading /> : null}
        <ErrorAlert message={results.isError ? errorMessage(t, results.error) : null} />
        {results.isSuccess && items.length === 0 ? <p className="muted">{t('people.noMatch', { q: search })}</p> : null}
        {items.length > 0 ? (
          <ul className="picker__results">
            {items.map((p) => (
              <li key={p.id}>
                <button
                  type="button"
                  className="picker__item"
                  aria-pressed={chosen.has(p.id)}
                  onClick={() => (chosen.has(p.id) ? onUnpick(p.id) : onPick(p))}
                >
                  <Avatar name={p.displayName} photoUrl={p.photoUrl} size="sm" />
                  <span className="picker__text">
                    <span className="picker__name">{p.displayName}</span>
                    <span className="identity__meta">{[p.employeeId, p.email, p.title].filter(Boolean).join(' · ')}</span>
                  </span>
                  <span className="picker__check" aria-hidden="true">
                    {chosen.has(p.id) ? '✓' : '+'}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="chosen" role="group" aria-labelledby={titleId}>
        <p className="field__label" id={titleId}>
          {t('identity.codes.picked', { count: picked.length })}
        </p>
        {picked.length > 0 ? (
          <ul className="chips" data-testid="picked-people">
            {picked.map((p) => (
              <li key={p.id} className="chip">
                <span>{p.displayName}</span>
                <button
                  type="button"
                  className="chip__remove"
                  aria-label={t('common.removeName', { name: p.displayName })}
                  onClick={() => onUnpick(p.id)}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('identity.codes.pickedNone')}</p>
        )}
      </div>
      <div className="actions">
        <Button busy={issue.isPending} disabled={picked.length === 0} onClick={() => issue.mutate()}>
          {t('identity.codes.issue', { count: Math.max(picked.length, 1) })}
        </Button>
      </div>
    </div>
  );
}
