import type { TFunction } from 'i18next';
import { fieldErrors } from '../../../ui/errors';

const CHECK_FAILED = 'the address check failed: ';

/**
 * Per-field messages for a webhook form. The address check's failure is the server's own
 * explanation (a refused address, a timeout, a status, a wrong answer), framed in the person's
 * language.
 */
export function webhookFieldErrors(t: TFunction, error: unknown): Record<string, string> {
  const errors = fieldErrors(t, error);
  if (errors.url?.startsWith(CHECK_FAILED))
    errors.url = t('integrations.webhooks.checkFailed', { why: errors.url.slice(CHECK_FAILED.length) });
  return errors;
}
