import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useSearchParams } from 'react-router-dom';
import { BootError } from '../app/BootError';
import { SessionProvider, useIsAdmin } from '../features/session/SessionContext';
import { OutsideHoursScreen } from '../features/session/OutsideHoursScreen';
import { useOutsideHours } from '../features/session/outsideHours';
import { useSessionQuery } from '../features/session/sessionQuery';
import { Loading } from '../ui/Loading';
import { NotFoundPage } from './NotFoundPage';

/** Only a path inside this app may be a target after signing in (no open redirect). */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function RequireSession() {
  const { t } = useTranslation();
  const location = useLocation();
  const session = useSessionQuery();
  const outsideHours = useOutsideHours();
  if (session.isPending) return <Loading block label={t('common.loading')} />;
  if (session.isError) return <BootError error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data) {
    const here = location.pathname + location.search;
    const to = here === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(here)}`;
    return <Navigate to={to} replace />;
  }
  return <SessionProvider value={session.data}>{outsideHours ? <OutsideHoursScreen error={outsideHours} /> : <Outlet />}</SessionProvider>;
}

/** Sign-in and forgot-password make no sense once signed in: go where the person was heading. */
export function SignedOutOnly() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const session = useSessionQuery();
  if (session.isPending) return <Loading block label={t('common.loading')} />;
  if (session.data) return <Navigate to={safeNext(params.get('next'))} replace />;
  return <Outlet />;
}

/** Admin screens, like the server's admin API, do not exist for others. */
export function RequireAdmin() {
  return useIsAdmin() ? <Outlet /> : <NotFoundPage />;
}
