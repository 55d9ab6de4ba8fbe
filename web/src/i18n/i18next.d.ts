import 'i18next';
import type en from './en.json';

// Typed keys: a t('…') call with a key missing from en.json is a compile error.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
