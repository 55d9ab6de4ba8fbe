import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  fetchGroupChoices,
  fetchIntegrationGroups,
  groupChoicesKey,
  integrationGroupsKey,
  setIntegrationGroups,
  type GroupChoice,
} from '../../../api/integrations';
import { Alert, ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { TextField } from '../../../ui/Field';
import { errorMessage } from '../../../ui/errors';
import { Loading } from '../../../ui/Loading';

/**
 * The groups the bot is a member of: what it can read and where it can post follow from these
 * alone. Any group may be chosen, secret ones too (an admin decides); archived ones cannot be
 * joined, but the bot keeps those it is in unless they are unticked.
 */
export function GroupsSection({ integrationId }: { integrationId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const current = useQuery({ queryKey: integrationGroupsKey(integrationId), queryFn: () => fetchIntegrationGroups(integrationId) });
  const choices = useQuery({ queryKey: groupChoicesKey, queryFn: fetchGroupChoices });
  const [editing, setEditing] = useState<string[] | null>(null);
  const save = useMutation({
    mutationFn: (ids: string[]) => setIntegrationGroups(integrationId, ids),
    onSuccess: (saved) => {
      client.setQueryData(integrationGroupsKey(integrationId), saved);
      setEditing(null);
    },
  });
  const byId = new Map((choices.data ?? []).map((g) => [g.id, g]));
  const ids = current.data?.groupIds ?? [];
  const failed = current.error ?? choices.error;

  return (
    <section className="card section" aria-labelledby="integration-groups-title">
      <h2 id="integration-groups-title" className="section__title">
        {t('integrations.groups.title')}
      </h2>
      <p className="muted">{t('integrations.groups.lead')}</p>
      {current.isPending || choices.isPending ? <Loading /> : null}
      <ErrorAlert message={failed ? errorMessage(t, failed) : null} />
      {current.isSuccess && choices.isSuccess && editing === null ? (
        <>
          {ids.length === 0 ? (
            <p className="integ-none">{t('integrations.groups.none')}</p>
          ) : (
            <ul className="integ-chips" aria-label={t('integrations.groups.current')}>
              {ids.map((id) => (
                <li key={id} className="integ-chip">
                  {byId.get(id)?.name ?? t('integrations.groups.unknown')}
                </li>
              ))}
            </ul>
          )}
          {save.isSuccess ? <Alert tone="success">{t('integrations.groups.saved')}</Alert> : null}
          <div className="actions">
            <Button
              variant="secondary"
              onClick={() => {
                save.reset();
                setEditing(ids.filter((id) => byId.has(id)));
              }}
            >
              {t('integrations.groups.choose')}
            </Button>
          </div>
        </>
      ) : null}
      {editing !== null ? (
        <GroupPicker
          groups={choices.data ?? []}
          selected={editing}
          onChange={setEditing}
          busy={save.isPending}
          error={save.isError ? errorMessage(t, save.error) : null}
          onSave={() => save.mutate(editing)}
          onCancel={() => {
            setEditing(null);
            save.reset();
          }}
        />
      ) : null}
    </section>
  );
}

interface PickerProps {
  groups: GroupChoice[];
  selected: string[];
  onChange(ids: string[]): void;
  busy: boolean;
  error: string | null;
  onSave(): void;
  onCancel(): void;
}

function GroupPicker({ groups, selected, onChange, busy, error, onSave, onCancel }: PickerProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const folded = q.trim().toLocaleLowerCase();
  // Archived groups cannot be joined, but one the bot is already in stays listed (and can be left).
  const [already] = useState(() => new Set(selected));
  const open = groups.filter((g) => !g.archived || already.has(g.id));
  const shown = open.filter((g) => !folded || g.name.toLocaleLowerCase().includes(folded) || selected.includes(g.id));
  return (
    <div className="form integ-picker">
      {open.length > 8 ? (
        <TextField label={t('integrations.groups.filter')} type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      ) : null}
      <fieldset className="choice-group">
        <legend className="field__label">{t('integrations.groups.pick', { count: selected.length })}</legend>
        {open.length === 0 ? <p className="integ-none">{t('integrations.groups.noGroups')}</p> : null}
        <div className="integ-picker__list">
          {shown.map((g) => (
            <label key={g.id} className="choice">
              <input
                type="checkbox"
                checked={selected.includes(g.id)}
                onChange={(e) => onChange(e.target.checked ? [...selected, g.id] : selected.filter((id) => id !== g.id))}
              />
              <span className="choice__text">
                <span className="choice__label">{g.name}</span>
                <span className="choice__hint">
                  {t(`integrations.groups.visibility.${g.visibility}`)}
                  {g.archived ? ` · ${t('groups.archived')}` : ''}
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <ErrorAlert message={error} />
      <div className="actions">
        <Button busy={busy} onClick={onSave}>
          {t('integrations.groups.save')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </div>
  );
}
