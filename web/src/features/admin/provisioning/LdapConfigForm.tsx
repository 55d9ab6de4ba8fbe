import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  deleteLdapConfig,
  ldapConfigKey,
  LDAP_PRESETS,
  saveLdapConfig,
  testLdapConnection,
  type LdapConfig,
  type LdapTestResult,
} from '../../../api/ldap';
import { Alert, ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { SelectField, TextAreaField, TextField } from '../../../ui/Field';
import { errorMessage, fieldErrors, formError } from '../../../ui/errors';
import { useFocusFirstError } from '../../../ui/useFocusFirstError';
import { configInput, draftFrom, LIST_FIELDS, SCHEDULES, testInput, withPreset, type LdapDraft, type MappingDraft } from './ldapDraft';

const FIELDS = [
  'url',
  'startTls',
  'caCertificate',
  'bindDn',
  'bindPassword',
  'baseDn',
  'preset',
  'userFilter',
  'mapping',
  'scheduleMinutes',
  'signInWithBind',
  'maxDeactivatePercent',
];

/** The directory's configuration: preset, server, account, where people are, how they are read. */
export function LdapConfigForm({ config }: { config: LdapConfig | null }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [draft, setDraft] = useState<LdapDraft>(() => draftFrom(config));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirmRemove, setConfirmRemove] = useState(false);
  const formRef = useFocusFirstError(errors);
  const set = <K extends keyof LdapDraft>(key: K, value: LdapDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setMapping = <K extends keyof MappingDraft>(key: K, value: MappingDraft[K]) =>
    setDraft((d) => ({ ...d, preset: 'custom', mapping: { ...d.mapping, [key]: value } }));

  const save = useMutation({
    mutationFn: () => saveLdapConfig(configInput(draft)),
    onSuccess: (saved) => {
      client.setQueryData(ldapConfigKey, saved);
      setDraft(draftFrom(saved));
      setErrors({});
    },
    onError: (error) => setErrors(fieldErrors(t, error)),
  });
  const test = useMutation({
    mutationFn: () => testLdapConnection(testInput(draft)),
    onSuccess: () => setErrors({}),
    onError: (error) => setErrors(fieldErrors(t, error)),
  });
  const remove = useMutation({
    mutationFn: deleteLdapConfig,
    onSuccess: () => {
      setConfirmRemove(false);
      client.setQueryData(ldapConfigKey, null);
      setDraft(draftFrom(null));
    },
  });

  function submit(event: FormEvent): void {
    event.preventDefault();
    const missing: Record<string, string> = {};
    for (const key of ['url', 'bindDn', 'baseDn'] as const) if (!draft[key].trim()) missing[key] = t('validation.required');
    if (!config?.bindPasswordSet && !draft.bindPassword) missing.bindPassword = t('validation.required');
    setErrors(missing);
    if (Object.keys(missing).length === 0) save.mutate();
  }

  const failure = save.error ?? test.error;
  const schedules = SCHEDULES.includes(Number(draft.scheduleMinutes)) ? SCHEDULES : [...SCHEDULES, Number(draft.scheduleMinutes)];
  return (
    <form ref={formRef} className="form ldap-form" onSubmit={submit} noValidate>
      <SelectField
        label={t('ldap.preset')}
        value={draft.preset}
        onChange={(e) => setDraft((d) => withPreset(d, e.target.value as LdapDraft['preset']))}
        options={LDAP_PRESETS.map((p) => ({ value: p, label: t(`ldap.presets.${p}`) }))}
        hint={t('ldap.presetHint')}
        error={errors.preset}
      />
      <div className="form__row">
        <TextField
          label={t('ldap.url')}
          value={draft.url}
          onChange={(e) => set('url', e.target.value)}
          placeholder="ldaps://dc1.example.com"
          hint={t('ldap.urlHint')}
          error={errors.url}
          autoComplete="off"
          spellCheck={false}
        />
        <TextField
          label={t('ldap.baseDn')}
          value={draft.baseDn}
          onChange={(e) => set('baseDn', e.target.value)}
          placeholder="ou=Staff,dc=example,dc=com"
          error={errors.baseDn}
          spellCheck={false}
        />
      </div>
      <label className="choice">
        <input type="checkbox" checked={draft.startTls} onChange={(e) => set('startTls', e.target.checked)} />
        <span className="choice__text">
          <span className="choice__label">{t('ldap.startTls')}</span>
          <span className="choice__hint">{errors.startTls ?? t('ldap.startTlsHint')}</span>
        </span>
      </label>
      <TextAreaField
        label={t('ldap.caCertificate')}
        value={draft.caCertificate}
        onChange={(e) => set('caCertificate', e.target.value)}
        placeholder="-----BEGIN CERTIFICATE-----"
        hint={t('ldap.caCertificateHint')}
        error={errors.caCertificate}
        rows={3}
        spellCheck={false}
      />
      <div className="form__row">
        <TextField
          label={t('ldap.bindDn')}
          value={draft.bindDn}
          onChange={(e) => set('bindDn', e.target.value)}
          placeholder="cn=commonplace,ou=Service,dc=example,dc=com"
          error={errors.bindDn}
          autoComplete="off"
          spellCheck={false}
        />
        <TextField
          label={t('ldap.bindPassword')}
          type="password"
          value={draft.bindPassword}
          onChange={(e) => set('bindPassword', e.target.value)}
          hint={config?.bindPasswordSet ? t('ldap.bindPasswordKept') : undefined}
          error={errors.bindPassword}
          autoComplete="new-password"
        />
      </div>
      <TextField
        label={t('ldap.userFilter')}
        value={draft.userFilter}
        onChange={(e) => setDraft((d) => ({ ...d, preset: 'custom', userFilter: e.target.value }))}
        error={errors.userFilter}
        spellCheck={false}
      />
      <MappingFields mapping={draft.mapping} onChange={setMapping} error={errors.mapping} />
      <div className="form__row">
        <SelectField
          label={t('ldap.schedule')}
          value={draft.scheduleMinutes}
          onChange={(e) => set('scheduleMinutes', e.target.value)}
          options={schedules.map((m) => ({
            value: String(m),
            label: m === 0 ? t('ldap.scheduleOff') : t('ldap.scheduleEvery', { count: m }),
          }))}
          error={errors.scheduleMinutes}
        />
        <TextField
          label={t('ldap.maxDeactivatePercent')}
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          value={draft.maxDeactivatePercent}
          onChange={(e) => set('maxDeactivatePercent', e.target.value)}
          hint={t('ldap.maxDeactivatePercentHint')}
          error={errors.maxDeactivatePercent}
        />
      </div>
      <label className="choice">
        <input type="checkbox" checked={draft.signInWithBind} onChange={(e) => set('signInWithBind', e.target.checked)} />
        <span className="choice__text">
          <span className="choice__label">{t('ldap.signInWithBind')}</span>
          <span className="choice__hint">{t('ldap.signInWithBindHint')}</span>
        </span>
      </label>
      <ErrorAlert message={failure ? formError(t, failure, FIELDS) : null} />
      {save.isSuccess && !save.isPending ? <Alert tone="success">{t('ldap.saved')}</Alert> : null}
      {test.data ? <TestResult result={test.data} /> : null}
      <div className="actions">
        <Button type="submit" busy={save.isPending}>
          {t('ldap.save')}
        </Button>
        <Button variant="secondary" busy={test.isPending} onClick={() => test.mutate()}>
          {t('ldap.test')}
        </Button>
        {config ? (
          <Button variant="danger-outline" onClick={() => setConfirmRemove(true)}>
            {t('ldap.remove')}
          </Button>
        ) : null}
      </div>
      <ConfirmDialog
        open={confirmRemove}
        onOpenChange={setConfirmRemove}
        title={t('ldap.removeTitle')}
        description={t('ldap.removeBody')}
        confirmLabel={t('ldap.remove')}
        danger
        busy={remove.isPending}
        error={remove.isError ? errorMessage(t, remove.error) : null}
        onConfirm={() => remove.mutate()}
      />
    </form>
  );
}

function MappingFields({
  mapping,
  onChange,
  error,
}: {
  mapping: MappingDraft;
  onChange: <K extends keyof MappingDraft>(key: K, value: MappingDraft[K]) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="ldap-mapping">
      <legend className="field__label">{t('ldap.mapping')}</legend>
      <p className="field__hint">{t('ldap.mappingHint')}</p>
      {error ? <p className="field__error">{error}</p> : null}
      <div className="ldap-mapping__grid">
        <TextField label={t('ldap.fields.key')} value={mapping.key} onChange={(e) => onChange('key', e.target.value)} spellCheck={false} />
        {LIST_FIELDS.map((f) => (
          <TextField
            key={f}
            label={t(`ldap.fields.${f}`)}
            value={mapping[f]}
            onChange={(e) => onChange(f, e.target.value)}
            spellCheck={false}
          />
        ))}
        <TextField
          label={t('ldap.fields.managerDn')}
          value={mapping.manager}
          onChange={(e) => onChange('manager', e.target.value)}
          spellCheck={false}
        />
        <SelectField
          label={t('ldap.disabled')}
          value={mapping.disabledKind}
          onChange={(e) => onChange('disabledKind', e.target.value as MappingDraft['disabledKind'])}
          options={(['userAccountControl', 'attribute', 'none'] as const).map((k) => ({ value: k, label: t(`ldap.disabledKinds.${k}`) }))}
        />
        {mapping.disabledKind === 'attribute' ? (
          <>
            <TextField
              label={t('ldap.disabledAttribute')}
              value={mapping.disabledAttribute}
              onChange={(e) => onChange('disabledAttribute', e.target.value)}
              spellCheck={false}
            />
            <TextField
              label={t('ldap.disabledValue')}
              value={mapping.disabledValue}
              onChange={(e) => onChange('disabledValue', e.target.value)}
              hint={t('ldap.disabledValueHint')}
              spellCheck={false}
            />
          </>
        ) : null}
      </div>
    </fieldset>
  );
}

function TestResult({ result }: { result: LdapTestResult }) {
  const { t } = useTranslation();
  return (
    <div className="ldap-test">
      <Alert tone={result.ok ? 'success' : 'error'}>
        {result.ok ? (
          <>
            <strong>{t('ldap.testOk')}</strong> {result.sample.length === 0 ? t('ldap.testEmpty') : null}
          </>
        ) : (
          <>
            <strong>{t('ldap.testFailed', { step: t(`ldap.steps.${result.step}`) })}</strong> {result.message}
          </>
        )}
      </Alert>
      {result.sample.length > 0 ? (
        <section className="ldap-list">
          <h4 className="ldap-list__title">{t('ldap.sample')}</h4>
          <ul className="ldap-list__items">
            {result.sample.map((s) => (
              <li key={s.dn} className="ldap-item">
                <span className="ldap-item__what">{s.displayName ?? '—'}</span>
                <span className="ldap-item__message">{[s.username, s.email].filter(Boolean).join(' · ') || '—'}</span>
                <span className="ldap-dn">{s.dn}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
