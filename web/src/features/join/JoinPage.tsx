import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { fetchInvite } from '../../api/auth';
import { useOrg } from '../../app/appContext';
import { PublicFrame } from '../../routes/PublicFrame';
import { Alert } from '../../ui/Alert';
import { errorMessage } from '../../ui/errors';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { useSessionQuery } from '../session/sessionQuery';
import { AlreadySignedIn } from './AlreadySignedIn';
import { JoinForm } from './JoinForm';

export function JoinPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const { token = '' } = useParams();
  usePageTitle(t('join.title', { company: org.name }), org.name);
  const session = useSessionQuery();
  const invite = useQuery({ queryKey: ['invite', token], queryFn: () => fetchInvite(token), staleTime: Infinity });

  let body;
  if (invite.isPending || session.isPending) {
    body = <Loading label={t('join.loading')} />;
  } else if (invite.isError) {
    body = (
      <>
        <Alert tone="error">{errorMessage(t, invite.error)}</Alert>
        <p className="public__aside">
          {session.data ? <Link to="/">{t('join.goHome')}</Link> : <Link to="/sign-in">{t('join.haveAccount')}</Link>}
        </p>
      </>
    );
  } else if (session.data) {
    body = <AlreadySignedIn name={session.data.person.displayName} />;
  } else {
    body = <JoinForm token={token} invite={invite.data} />;
  }

  return (
    <PublicFrame title={t('join.title', { company: org.name })} orgName={org.name}>
      {body}
    </PublicFrame>
  );
}
