import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NAME_ID_FORMATS, SAML_ATTRIBUTE_PRESETS, testSsoConnection, type NameIdFormat, type SsoSettings } from '../../../api/sso';
import { Alert, ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { errorMessage } from '../../../ui/errors';
import { SelectField, TextAreaField, TextField } from '../../../ui/Field';
import { ATTRIBUTE_FIELDS, withPreset, type AttributePreset, type AttributesDraft, type SsoDraft } from './ssoDraft';

interface Props {
  draft: SsoDraft;
  setDraft: (update: (d: SsoDraft) => SsoDraft) => void;
  errors: Record<string, string>;
  sp: SsoSettings['serviceProvider'];
}

/** The provider (read from its metadata, or typed), our entity id, and which attributes give what. */
export function SamlFields({ draft, setDraft, errors, sp }: Props) {
  const { t } = useTranslation();
  const [metadata, setMetadata] = useState('');
  const set = <K extends keyof SsoDraft>(key: K, value: SsoDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setAttribute = (key: keyof AttributesDraft, value: string) =>
    setDraft((d) => ({ ...d, preset: 'custom', attributes: { ...d.attributes, [key]: value } }));

  // The provider's metadata fills in its entity id, sign-in address and certificates.
  const read = useMutation({
    mutationFn: () => testSsoConnection({ protocol: 'saml', idpMetadataXml: metadata }),
    onSuccess: (r) =>
      setDraft((d) => ({
        ...d,
        idpEntityId: r.idpEntityId ?? d.idpEntityId,
        entryPoint: r.entryPoint ?? d.entryPoint,
        idpCertificates: r.idpCertificates ?? d.idpCertificates,
      })),
  });

  return (
    <>
      <fieldset className="sso-mapping">
        <legend className="field__label">{t('sso.saml.metadata')}</legend>
        <TextAreaField
          label={t('sso.saml.metadataXml')}
          value={metadata}
          onChange={(e) => setMetadata(e.target.value)}
          placeholder="<EntityDescriptor …>"
          hint={t('sso.saml.metadataHint')}
          rows={3}
          spellCheck={false}
        />
        <div className="actions">
          <Button variant="secondary" small busy={read.isPending} disabled={!metadata.trim()} onClick={() => read.mutate()}>
            {t('sso.saml.readMetadata')}
          </Button>
        </div>
        <ErrorAlert message={read.isError ? errorMessage(t, read.error) : null} />
        {read.isSuccess ? <Alert tone="success">{t('sso.saml.metadataRead')}</Alert> : null}
      </fieldset>
      <TextField
        label={t('sso.saml.entryPoint')}
        value={draft.entryPoint}
        onChange={(e) => set('entryPoint', e.target.value)}
        placeholder="https://login.example.com/saml2/sso"
        hint={t('sso.saml.entryPointHint')}
        error={errors.entryPoint}
        inputMode="url"
        spellCheck={false}
      />
      <TextField
        label={t('sso.saml.idpEntityId')}
        value={draft.idpEntityId}
        onChange={(e) => set('idpEntityId', e.target.value)}
        hint={t('sso.saml.idpEntityIdHint')}
        error={errors.idpEntityId}
        spellCheck={false}
      />
      <TextAreaField
        label={t('sso.saml.idpCertificates')}
        value={draft.idpCertificates}
        onChange={(e) => set('idpCertificates', e.target.value)}
        placeholder="-----BEGIN CERTIFICATE-----"
        hint={t('sso.saml.idpCertificatesHint')}
        error={errors.idpCertificates}
        rows={4}
        spellCheck={false}
      />
      <div className="form__row form__row--two">
        <TextField
          label={t('sso.saml.spEntityId')}
          value={draft.spEntityId}
          onChange={(e) => set('spEntityId', e.target.value)}
          placeholder={sp.metadataUrl}
          hint={t('sso.saml.spEntityIdHint')}
          error={errors.spEntityId}
          spellCheck={false}
        />
        <SelectField
          label={t('sso.saml.nameIdFormat')}
          value={draft.nameIdFormat}
          onChange={(e) => set('nameIdFormat', e.target.value as NameIdFormat)}
          options={(Object.keys(NAME_ID_FORMATS) as NameIdFormat[]).map((f) => ({ value: f, label: t(`sso.saml.nameIdFormats.${f}`) }))}
          hint={t('sso.saml.nameIdFormatHint')}
          error={errors.nameIdFormat}
        />
      </div>
      <fieldset className="sso-mapping">
        <legend className="field__label">{t('sso.saml.attributes')}</legend>
        <p className="field__hint">{t('sso.saml.attributesHint')}</p>
        {errors.attributes ? <p className="field__error">{errors.attributes}</p> : null}
        <SelectField
          label={t('sso.saml.preset')}
          value={draft.preset}
          onChange={(e) => setDraft((d) => withPreset(d, e.target.value as AttributePreset))}
          options={[...SAML_ATTRIBUTE_PRESETS, 'custom' as const].map((p) => ({ value: p, label: t(`sso.saml.presets.${p}`) }))}
        />
        <div className="sso-mapping__grid">
          {ATTRIBUTE_FIELDS.map((f) => (
            <TextField
              key={f}
              label={t(`sso.fields.${f}`)}
              value={draft.attributes[f]}
              onChange={(e) => setAttribute(f, e.target.value)}
              spellCheck={false}
              autoComplete="off"
            />
          ))}
        </div>
      </fieldset>
    </>
  );
}
