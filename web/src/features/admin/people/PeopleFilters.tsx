import { useTranslation } from 'react-i18next';
import type { PeopleFilter } from '../../../api/admin';
import type { Person, Role } from '../../../api/types';
import { SelectField, TextField } from '../../../ui/Field';
import { ROLES, roleLabelKey } from '../../../ui/roles';

interface PeopleFiltersProps {
  q: string;
  onQ(q: string): void;
  filter: PeopleFilter;
  onFilter(filter: PeopleFilter): void;
}

export function PeopleFilters({ q, onQ, filter, onFilter }: PeopleFiltersProps) {
  const { t } = useTranslation();
  return (
    <div className="filters" role="search" aria-label={t('people.filters')}>
      <div className="filters__search">
        <TextField
          label={t('people.search')}
          type="search"
          value={q}
          onChange={(e) => onQ(e.target.value)}
          placeholder={t('people.searchPlaceholder')}
          autoComplete="off"
        />
      </div>
      <SelectField
        label={t('people.roleFilter')}
        value={filter.role}
        onChange={(e) => onFilter({ ...filter, role: e.target.value as Role | '' })}
        options={[{ value: '', label: t('people.allRoles') }, ...ROLES.map((r) => ({ value: r, label: t(roleLabelKey(r)) }))]}
      />
      <SelectField
        label={t('people.statusFilter')}
        value={filter.status}
        onChange={(e) => onFilter({ ...filter, status: e.target.value as Person['status'] | '' })}
        options={[
          { value: '', label: t('people.allStatuses') },
          { value: 'active', label: t('status.active') },
          { value: 'deactivated', label: t('status.deactivated') },
        ]}
      />
    </div>
  );
}
