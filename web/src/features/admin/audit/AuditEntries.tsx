import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../api/identity';
import { formatDateTime } from '../../../ui/format';
import { useIsWide } from '../../../ui/useMediaQuery';
import { actionLabel, actorKindLabel, detailFacts } from './auditActions';

/** A table where there is room for one, stacked cards on a phone; the same facts in both. */
export function AuditEntries({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation();
  const wide = useIsWide();
  if (wide) {
    return (
      <div className="table-wrap">
        <table className="table audit-table" data-testid="audit-entries">
          <caption className="sr-only">{t('identity.audit.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('identity.audit.colWhen')}</th>
              <th scope="col">{t('identity.audit.colWho')}</th>
              <th scope="col">{t('identity.audit.colWhat')}</th>
              <th scope="col">{t('identity.audit.colTarget')}</th>
              <th scope="col">{t('identity.audit.colIp')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} data-testid="audit-entry">
                <td className="audit-table__when">
                  <When at={e.at} />
                </td>
                <td>
                  <Actor entry={e} />
                </td>
                <td>
                  <What entry={e} />
                </td>
                <td>{e.target?.label ?? <span className="muted">—</span>}</td>
                <td className="audit-table__ip">{e.ip ?? <span className="muted">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  return (
    <ul className="audit-cards" data-testid="audit-entries">
      {entries.map((e) => (
        <li key={e.id} className="audit-card card" data-testid="audit-entry">
          <What entry={e} />
          <dl className="audit-card__facts">
            <dt>{t('identity.audit.colWho')}</dt>
            <dd>
              <Actor entry={e} />
            </dd>
            {e.target?.label ? (
              <>
                <dt>{t('identity.audit.colTarget')}</dt>
                <dd>{e.target.label}</dd>
              </>
            ) : null}
            <dt>{t('identity.audit.colWhen')}</dt>
            <dd>
              <When at={e.at} />
            </dd>
            {e.ip ? (
              <>
                <dt>{t('identity.audit.colIp')}</dt>
                <dd className="audit-table__ip">{e.ip}</dd>
              </>
            ) : null}
          </dl>
        </li>
      ))}
    </ul>
  );
}

function When({ at }: { at: string }) {
  return <time dateTime={at}>{formatDateTime(at)}</time>;
}

function Actor({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const kind = actorKindLabel(t, entry.actor.kind);
  return (
    <span className="audit-actor">
      {entry.actor.label}
      {kind ? <span className="badge badge--off">{kind}</span> : null}
    </span>
  );
}

function What({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const facts = detailFacts(entry.details);
  return (
    <span className="audit-what">
      <span className="audit-what__action" title={entry.action}>
        {actionLabel(t, entry.action)}
      </span>
      {facts.length > 0 ? <span className="audit-what__facts">{facts.join(' · ')}</span> : null}
    </span>
  );
}
