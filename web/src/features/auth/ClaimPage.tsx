import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { checkAccessCode } from '../../api/identity';
import { useOrg } from '../../app/appContext';
import { PublicFrame } from '../../routes/PublicFrame';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { usePageTitle } from '../../ui/usePageTitle';
import { codeFromFragment, formatWithCaret, isCompleteAccessCode } from './accessCodeInput';
import { ClaimFinish } from './ClaimFinish';
import { identityFieldErrors, identityFormError } from './identityErrors';

/**
 * Where a person without e-mail starts: the code from their printed sheet (typed, or carried in
 * the address by its QR code), a greeting with their sign-in name, then a password of their own.
 */
export function ClaimPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const location = useLocation();
  const navigate = useNavigate();
  usePageTitle(t('identity.claim.title'), org.name);
  const [code, setCode] = useState(() => codeFromFragment(location.hash) ?? '');
  const [errors, setErrors] = useState<{ code?: string }>({});
  const formRef = useFocusFirstError(errors);

  const check = useMutation({
    mutationFn: (value: string) => checkAccessCode(value),
    onError: (error) => setErrors(identityFieldErrors(t, error)),
  });

  const checkCode = check.mutate;
  // The QR code of a printed sheet opens this page with `#code=…`: read it, take it out of the
  // address bar and the history at once (history.replaceState through the router), and check it.
  const scanned = useRef<string | null>(null);
  useEffect(() => {
    const fromQr = codeFromFragment(location.hash);
    if (!fromQr || scanned.current === fromQr) return;
    scanned.current = fromQr;
    void navigate({ pathname: location.pathname, search: location.search }, { replace: true });
    setCode(fromQr);
    if (isCompleteAccessCode(fromQr)) checkCode(fromQr);
  }, [location.hash, location.pathname, location.search, navigate, checkCode]);

  function onCode(event: ChangeEvent<HTMLInputElement>): void {
    const input = event.target;
    const atEnd = (input.selectionStart ?? input.value.length) >= input.value.length;
    const next = formatWithCaret(input.value, input.selectionStart ?? input.value.length);
    setCode(next.value);
    if (check.data || check.isError) check.reset();
    if (!atEnd) requestAnimationFrame(() => input.setSelectionRange(next.caret, next.caret));
  }

  function submit(event: FormEvent): void {
    event.preventDefault();
    const found = isCompleteAccessCode(code) ? {} : { code: code.trim() === '' ? t('validation.required') : t('identity.claim.codeShape') };
    setErrors(found);
    if (!found.code) check.mutate(code);
  }

  function another(): void {
    check.reset();
    setCode('');
    setErrors({});
  }

  return (
    <PublicFrame title={t('identity.claim.title')} orgName={org.name} intro={check.data ? null : <p>{t('identity.claim.intro')}</p>}>
      {check.data ? (
        <ClaimFinish code={code} person={check.data} onAnotherCode={another} />
      ) : (
        <form ref={formRef} className="form" onSubmit={submit} noValidate>
          <ErrorAlert message={identityFormError(t, check.error, ['code'])} />
          <TextField
            label={t('identity.claim.codeLabel')}
            hint={t('identity.claim.codeHint')}
            value={code}
            onChange={onCode}
            autoComplete="off"
            autoCapitalize="characters"
            autoCorrect="off"
            spellCheck={false}
            inputMode="text"
            required
            className="input input--code"
            error={errors.code}
          />
          <Button type="submit" busy={check.isPending} className="btn--block">
            {t('identity.claim.check')}
          </Button>
        </form>
      )}
      <p className="public__aside">
        <Link to="/sign-in">{t('identity.claim.toSignIn')}</Link>
      </p>
    </PublicFrame>
  );
}
