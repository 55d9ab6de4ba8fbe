import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useTranslation } from 'react-i18next';
import { GROUP_ROLES, type GroupRole } from '../../api/groups';

const isGroupRole = (v: string): v is GroupRole => (GROUP_ROLES as readonly string[]).includes(v);

/** A member's role in the group, as a menu (Radix DropdownMenu: Select would need inline styles). */
export function MemberRoleMenu({
  value,
  name,
  disabled,
  onChange,
}: {
  value: GroupRole;
  name: string;
  disabled?: boolean;
  onChange(r: GroupRole): void;
}) {
  const { t } = useTranslation();
  const current = t(`groups.roles.${value}`);
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger className="select-trigger" disabled={disabled} aria-label={t('groups.roleFor', { name, role: current })}>
        <span>{current}</span>
        <span className="select-trigger__icon" aria-hidden="true">
          ▾
        </span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="select-content" align="start" sideOffset={4}>
          <DropdownMenu.RadioGroup value={value} onValueChange={(v) => isGroupRole(v) && v !== value && onChange(v)}>
            {GROUP_ROLES.map((role) => (
              <DropdownMenu.RadioItem key={role} value={role} className="select-item">
                <span>{t(`groups.roles.${role}`)}</span>
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
