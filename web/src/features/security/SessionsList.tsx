import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchMySessions, revokeOtherSessions, revokeSession } from '../../api/me';
import type { SessionItem } from '../../api/types';
import { mySessionsKey } from '../../realtime/applyEvent';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { errorMessage } from '../../ui/errors';
import { formatDateTime, formatRelative } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { describeUserAgent } from './userAgent';

export function SessionsList() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const sessions = useQuery({ queryKey: mySessionsKey, queryFn: () => fetchMySessions() });
  const refresh = () => void client.invalidateQueries({ queryKey: mySessionsKey });
  const revokeOne = useMutation({ mutationFn: revokeSession, onSuccess: refresh });
  const revokeOthers = useMutation({ mutationFn: revokeOtherSessions, onSuccess: refresh });
  const others = sessions.data?.items.filter((s) => !s.current).length ?? 0;

  return (
    <section className="card section" aria-labelledby="security-sessions">
      <h2 id="security-sessions" className="section__title">
        {t('security.sessionsTitle')}
      </h2>
      <p className="muted">{t('security.sessionsLead')}</p>
      {sessions.isPending ? <Loading /> : null}
      {sessions.isError ? <ErrorAlert message={errorMessage(t, sessions.error)} /> : null}
      <ErrorAlert
        message={revokeOne.isError ? errorMessage(t, revokeOne.error) : revokeOthers.isError ? errorMessage(t, revokeOthers.error) : null}
      />
      {sessions.data ? (
        <ul className="session-list">
          {[...sessions.data.items]
            .sort((a, b) => Number(b.current) - Number(a.current))
            .map((s) => (
              <SessionRow
                key={s.id}
                session={s}
                busy={revokeOne.isPending && revokeOne.variables === s.id}
                onRevoke={() => revokeOne.mutate(s.id)}
              />
            ))}
        </ul>
      ) : null}
      {revokeOthers.isSuccess ? <Alert tone="success">{t('security.othersSignedOut')}</Alert> : null}
      {sessions.data ? (
        <div className="actions">
          <Button variant="secondary" busy={revokeOthers.isPending} disabled={others === 0} onClick={() => revokeOthers.mutate()}>
            {t('security.signOutOthers')}
          </Button>
        </div>
      ) : null}
    </section>
  );
}

function SessionRow({ session, busy, onRevoke }: { session: SessionItem; busy: boolean; onRevoke(): void }) {
  const { t } = useTranslation();
  const { browser, system } = describeUserAgent(session.userAgent);
  const name = browser && system ? t('security.device', { browser, system }) : (browser ?? system ?? t('security.unknownDevice'));
  return (
    <li className="session-row">
      <div className="session-row__main">
        <p className="session-row__name">
          {name}
          {session.current ? <span className="badge badge--ok">{t('security.thisDevice')}</span> : null}
        </p>
        <p className="session-row__meta">
          {session.ip ? `${session.ip} · ` : ''}
          <span title={formatDateTime(session.lastSeenAt)}>{t('security.lastActive', { when: formatRelative(session.lastSeenAt) })}</span>
          {' · '}
          {t('security.signedIn', { when: formatDateTime(session.createdAt) })}
        </p>
      </div>
      {session.current ? null : (
        <Button variant="secondary" small busy={busy} onClick={onRevoke} aria-label={t('security.signOutSessionLabel', { device: name })}>
          {t('security.signOutSession')}
        </Button>
      )}
    </li>
  );
}
