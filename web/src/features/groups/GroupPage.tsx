import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NavLink, useParams } from 'react-router-dom';
import { isApiError } from '../../api/client';
import { fetchGroup, type GroupView } from '../../api/groups';
import { groupKey } from '../../api/queryKeys';
import { NotFoundPage } from '../../routes/NotFoundPage';
import { ErrorAlert } from '../../ui/Alert';
import { errorMessage } from '../../ui/errors';
import { Fact } from '../../ui/Fact';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { GroupFeed } from '../posts/GroupFeed';
import { useSession } from '../session/SessionContext';
import { StartChatButton } from '../chat/StartChatButton';
import { GroupActions } from './GroupActions';
import { GroupSettings } from './GroupSettings';
import { MembersTab } from './MembersTab';
import { NotifyLevelPicker } from './NotifyLevelPicker';
import { RequestsTab } from './RequestsTab';
import { VisibilityBadge } from './VisibilityBadge';

type Tab = 'about' | 'members' | 'requests' | 'settings';

function tabsFor(g: GroupView): Tab[] {
  const tabs: Tab[] = ['about'];
  if (g.can.seeMembers) tabs.push('members');
  if (g.can.moderate) tabs.push('requests');
  if (g.can.manage) tabs.push('settings');
  return tabs;
}

export function GroupPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  const { id = '', tab = 'about' } = useParams();
  const group = useQuery({
    queryKey: groupKey(id),
    queryFn: () => fetchGroup(id),
    retry: (n, e) => !(isApiError(e) && e.status === 404) && n < 2,
  });
  usePageTitle(group.data?.name ?? t('groups.title'), org.name);

  // Not allowed to find it (or no longer: removed from a secret group) is the same as never existing.
  if (group.isError && isApiError(group.error) && group.error.status === 404) return <NotFoundPage />;
  if (group.isPending) return <Loading block />;
  if (!group.data) return <ErrorAlert message={errorMessage(t, group.error)} />;

  const g = group.data;
  const tabs = tabsFor(g);
  const current = (tabs as string[]).includes(tab) ? (tab as Tab) : null;
  if (!current) return <NotFoundPage />;
  const base = `/groups/${g.id}`;
  return (
    <section className="page page--wide">
      {g.coverUrl ? <img className="group-cover" src={g.coverUrl} alt="" /> : null}
      <header className="page__header group-head">
        <h1 className="page__title">{g.name}</h1>
        <p className="group-head__meta">
          <VisibilityBadge visibility={g.visibility} />
          <span>{t('groups.memberCount', { count: g.memberCount })}</span>
          {g.archivedAt ? <span className="badge badge--off">{t('groups.archived')}</span> : null}
        </p>
        <GroupActions group={g} />
        {g.membership ? (
          <div className="group-chat">
            <StartChatButton input={{ kind: 'linked', groupId: g.id }} label={t('chat.groupChatButton')} />
          </div>
        ) : null}
        <NotifyLevelPicker group={g} />
      </header>
      <nav className="subtabs subtabs--scroll" aria-label={t('groups.sections')}>
        {tabs.map((name) => (
          <NavLink key={name} to={name === 'about' ? base : `${base}/${name}`} end className="subtabs__link">
            {t(`groups.tabs.${name}`)}
          </NavLink>
        ))}
      </nav>
      {group.isError ? <ErrorAlert message={errorMessage(t, group.error)} /> : null}
      {current === 'about' ? (
        <div className="group-layout">
          <GroupFeed group={g} />
          <About group={g} />
        </div>
      ) : null}
      {current === 'members' ? <MembersTab group={g} /> : null}
      {current === 'requests' ? <RequestsTab group={g} /> : null}
      {current === 'settings' ? <GroupSettings group={g} /> : null}
    </section>
  );
}

const EXPLAIN = {
  open: 'groups.visibility.openHint',
  closed: 'groups.visibility.closedHint',
  secret: 'groups.visibility.secretHint',
} as const;

function About({ group }: { group: GroupView }) {
  const { t } = useTranslation();
  return (
    <section className="card section" aria-labelledby="group-about">
      <h2 id="group-about" className="section__title">
        {t('groups.tabs.about')}
      </h2>
      <p className="prewrap">{group.description || t('groups.noDescription')}</p>
      <dl className="facts">
        <Fact label={t('groups.fields.visibility')}>{t(EXPLAIN[group.visibility])}</Fact>
        <Fact label={t('groups.fields.whoPosts')}>
          {t(group.postPermission === 'everyone' ? 'groups.fields.postEveryone' : 'groups.fields.postAdmins')}
        </Fact>
        {group.postApproval ? <Fact label={t('groups.fields.postApproval')}>{t('groups.fields.postApprovalHint')}</Fact> : null}
      </dl>
    </section>
  );
}
