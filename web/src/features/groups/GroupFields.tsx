import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { GROUP_VISIBILITIES, type GroupView, type GroupVisibility } from '../../api/groups';
import { TextAreaField, TextField } from '../../ui/Field';
import { visibilityLabelKey } from './VisibilityBadge';

export interface GroupDraft {
  name: string;
  description: string;
  visibility: GroupVisibility;
  postPermission: GroupView['postPermission'];
  postApproval: boolean;
}

export const emptyDraft: GroupDraft = { name: '', description: '', visibility: 'closed', postPermission: 'everyone', postApproval: false };
export const draftOf = (g: GroupView): GroupDraft => ({
  name: g.name,
  description: g.description,
  visibility: g.visibility,
  postPermission: g.postPermission,
  postApproval: g.postApproval,
});

const EXPLAIN = {
  open: 'groups.visibility.openHint',
  closed: 'groups.visibility.closedHint',
  secret: 'groups.visibility.secretHint',
} as const;

interface Props {
  draft: GroupDraft;
  onChange(draft: GroupDraft): void;
  errors: Record<string, string>;
}

/** The fields of a group, for creating one and for its settings. */
export function GroupFields({ draft, onChange, errors }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const set = <K extends keyof GroupDraft>(key: K, value: GroupDraft[K]) => onChange({ ...draft, [key]: value });
  return (
    <>
      <TextField
        label={t('groups.fields.name')}
        value={draft.name}
        onChange={(e) => set('name', e.target.value)}
        required
        maxLength={200}
        error={errors.name}
        autoComplete="off"
      />
      <TextAreaField
        label={t('groups.fields.description')}
        hint={t('groups.fields.descriptionHint')}
        value={draft.description}
        onChange={(e) => set('description', e.target.value)}
        rows={3}
        maxLength={5000}
        error={errors.description}
      />
      <fieldset className="choice-group">
        <legend className="field__label">{t('groups.fields.visibility')}</legend>
        {GROUP_VISIBILITIES.map((v) => (
          <label key={v} className="choice">
            <input
              type="radio"
              name={`${id}-visibility`}
              value={v}
              checked={draft.visibility === v}
              onChange={() => set('visibility', v)}
              aria-describedby={`${id}-${v}-hint`}
            />
            <span className="choice__text">
              <span className="choice__label">{t(visibilityLabelKey(v))}</span>
              <span className="choice__hint" id={`${id}-${v}-hint`}>
                {t(EXPLAIN[v])}
              </span>
            </span>
          </label>
        ))}
        {errors.visibility ? <div className="field__error">{errors.visibility}</div> : null}
      </fieldset>
      <fieldset className="choice-group">
        <legend className="field__label">{t('groups.fields.whoPosts')}</legend>
        {(['everyone', 'admins'] as const).map((p) => (
          <label key={p} className="choice">
            <input
              type="radio"
              name={`${id}-post`}
              value={p}
              checked={draft.postPermission === p}
              onChange={() => set('postPermission', p)}
            />
            <span className="choice__label">{t(p === 'everyone' ? 'groups.fields.postEveryone' : 'groups.fields.postAdmins')}</span>
          </label>
        ))}
      </fieldset>
      <label className="choice">
        <input type="checkbox" checked={draft.postApproval} onChange={(e) => set('postApproval', e.target.checked)} />
        <span className="choice__text">
          <span className="choice__label">{t('groups.fields.postApproval')}</span>
          <span className="choice__hint">{t('groups.fields.postApprovalHint')}</span>
        </span>
      </label>
    </>
  );
}
