import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../ui/Field';
import { AUDIT_FAMILIES, FAMILY_KEYS } from './auditActions';

export interface AuditFilterDraft {
  action: string;
  q: string;
  /** yyyy-mm-dd from the date inputs, in the viewer's own time zone; '' for no bound. */
  from: string;
  to: string;
}

const localMidnight = (day: string): Date | null => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
};

/** Whole days as the viewer reads them: from the start of "from" to the end of "to" (the server's `to` is exclusive). */
export function toRange(from: string, to: string): { from: string; to: string } {
  const start = localMidnight(from);
  const end = localMidnight(to);
  if (end) end.setDate(end.getDate() + 1);
  return { from: start ? start.toISOString() : '', to: end ? end.toISOString() : '' };
}

export function AuditFilters({ draft, onChange }: { draft: AuditFilterDraft; onChange(draft: AuditFilterDraft): void }) {
  const { t } = useTranslation();
  const set = (key: keyof AuditFilterDraft) => (e: { target: { value: string } }) => onChange({ ...draft, [key]: e.target.value });
  return (
    <div className="filters audit-filters" role="search" aria-label={t('identity.audit.filters')}>
      <div className="filters__search">
        <TextField
          label={t('identity.audit.search')}
          type="search"
          value={draft.q}
          onChange={set('q')}
          placeholder={t('identity.audit.searchPlaceholder')}
          autoComplete="off"
          maxLength={200}
        />
      </div>
      <SelectField
        label={t('identity.audit.kind')}
        value={draft.action}
        onChange={set('action')}
        options={[
          { value: '', label: t('identity.audit.allKinds') },
          ...AUDIT_FAMILIES.map((f) => ({ value: f, label: t(FAMILY_KEYS[f]) })),
        ]}
      />
      <TextField label={t('identity.audit.from')} type="date" value={draft.from} onChange={set('from')} max={draft.to || undefined} />
      <TextField label={t('identity.audit.to')} type="date" value={draft.to} onChange={set('to')} min={draft.from || undefined} />
    </div>
  );
}
