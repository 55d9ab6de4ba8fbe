import { useTranslation } from 'react-i18next';
import type { Call } from '../../api/calls';
import { Avatar } from '../../ui/Avatar';
import { CallIcon } from './CallIcon';
import type { CallPerson } from './useCallPeople';

/** Everyone rung or joined: their state, microphone and whether they are speaking now. */
export function ParticipantList({
  call,
  meId,
  speaking,
  personOf,
}: {
  call: Call;
  meId: string;
  speaking: string[];
  personOf(id: string): CallPerson;
}) {
  const { t } = useTranslation();
  return (
    <section className="call-people" aria-labelledby="call-people-title">
      <h2 className="call-people__title" id="call-people-title">
        {t('calls.people.title')}
      </h2>
      <ul className="call-people__list">
        {call.participants.map((p) => {
          const person = personOf(p.personId);
          const talking = speaking.includes(p.personId);
          return (
            <li key={p.personId} className="call-people__item" data-testid="call-person" data-speaking={talking ? 'true' : undefined}>
              <span className={`call-people__avatar${talking ? ' call-people__avatar--speaking' : ''}`}>
                <Avatar name={person.name} photoUrl={person.photoUrl} size="sm" />
              </span>
              <span className="call-people__name">
                {p.personId === meId ? t('calls.youName', { name: person.name }) : person.name}
                <span className="call-people__state">
                  {t(`calls.people.${p.state}`)}
                  {talking ? ` · ${t('calls.speaking')}` : ''}
                </span>
              </span>
              {p.state === 'joined' && p.muted ? (
                <span className="call-people__mic" title={t('calls.micOff')}>
                  <CallIcon name="micOff" size={18} />
                  <span className="sr-only">{t('calls.micOff')}</span>
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
