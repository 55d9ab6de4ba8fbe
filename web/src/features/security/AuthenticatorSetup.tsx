import { useTranslation } from 'react-i18next';
import type { TotpEnrollment } from '../../api/identity';
import { TextField } from '../../ui/Field';

/**
 * The server's QR code as an image: an <img> with a data: address (allowed by the page's img-src)
 * renders the SVG without putting its markup into the page.
 */
export function svgDataUri(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

/** "JBSW Y3DP EHPK 3PXP": a long key is copied by hand four characters at a time. */
export const groupsOfFour = (secret: string): string => secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');

/** How to add the account to an authenticator app: scan, open on this phone, or type the key. */
export function AuthenticatorSetup({ enrollment }: { enrollment: TotpEnrollment }) {
  const { t } = useTranslation();
  return (
    <div className="authenticator">
      <ol className="authenticator__steps">
        <li>{t('identity.setup.stepApp')}</li>
        <li>
          {t('identity.setup.stepScan')}
          <img className="authenticator__qr" src={svgDataUri(enrollment.qrSvg)} alt={t('identity.setup.qrAlt')} width={200} height={200} />
          <span className="authenticator__alt">
            {t('identity.setup.onThisPhone')} <a href={enrollment.otpauthUri}>{t('identity.setup.openApp')}</a>
          </span>
        </li>
        <li>
          {t('identity.setup.stepKey')}
          <code className="authenticator__secret" data-testid="totp-secret">
            {groupsOfFour(enrollment.secret)}
          </code>
        </li>
      </ol>
    </div>
  );
}

interface CodeFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string;
  hint?: string;
  autoFocus?: boolean;
}

/** The six digits of an authenticator app: a number pad on phones, filled in from a text message or app where offered. */
export function TotpCodeField({ label, value, onChange, error, hint, autoFocus }: CodeFieldProps) {
  return (
    <TextField
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value.replace(/\D/g, '').slice(0, 6))}
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9]*"
      maxLength={6}
      required
      className="input input--code"
      hint={hint}
      error={error}
      // The code field is the only thing to do on these screens; starting there saves a tap.
      autoFocus={autoFocus}
    />
  );
}
