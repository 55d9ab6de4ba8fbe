import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../api/types';
import { ROLES, roleLabelKey } from '../../../ui/roles';

interface RoleSelectProps {
  value: Role;
  personName: string;
  /** Only owners may hand out or take away the owner role. */
  canGrantOwner: boolean;
  disabled?: boolean;
  onChange(role: Role): void;
}

const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/**
 * A menu of roles with the current one checked. Radix's DropdownMenu rather than its Select:
 * Select renders an inline <style> element, which the production CSP refuses.
 */
export function RoleSelect({ value, personName, canGrantOwner, disabled, onChange }: RoleSelectProps) {
  const { t } = useTranslation();
  const roles = ROLES.filter((r) => canGrantOwner || r !== 'owner' || value === 'owner');
  const current = t(roleLabelKey(value));
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger
        className="select-trigger"
        disabled={disabled}
        aria-label={t('people.roleFor', { name: personName, role: current })}
      >
        <span>{current}</span>
        <span className="select-trigger__icon" aria-hidden="true">
          ▾
        </span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="select-content" align="start" sideOffset={4}>
          <DropdownMenu.RadioGroup value={value} onValueChange={(v) => isRole(v) && v !== value && onChange(v)}>
            {roles.map((role) => (
              <DropdownMenu.RadioItem key={role} value={role} className="select-item" disabled={role === 'owner' && !canGrantOwner}>
                <span>{t(roleLabelKey(role))}</span>
                <DropdownMenu.ItemIndicator className="select-item__check" aria-hidden="true">
                  ✓
                </DropdownMenu.ItemIndicator>
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
