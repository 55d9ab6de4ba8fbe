import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Avatar } from '../../ui/Avatar';
import { BotBadge } from '../../ui/BotBadge';

interface Someone {
  id: string;
  displayName: string;
  photoUrl: string | null;
  title?: string | null;
  department?: string | null;
  status?: 'active' | 'deactivated';
  isBot?: boolean;
}

/** A person in one line: photo and name, linked to their profile, and what they do. */
export function PersonLine({ person, extra, size = 'sm' }: { person: Someone; extra?: ReactNode; size?: 'sm' | 'md' }) {
  const { t } = useTranslation();
  const detail = [person.title, person.department].filter(Boolean).join(' · ');
  return (
    <div className="identity">
      <Avatar name={person.displayName} photoUrl={person.photoUrl} size={size} />
      <div className="identity__text">
        <span className="identity__name">
          <Link to={`/people/${person.id}`}>{person.displayName}</Link>
          <BotBadge show={person.isBot} />
          {person.status === 'deactivated' ? <span className="badge badge--off">{t('status.deactivated')}</span> : null}
          {extra}
        </span>
        {detail ? <span className="identity__meta">{detail}</span> : null}
      </div>
    </div>
  );
}
