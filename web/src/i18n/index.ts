import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import frJson from './fr.json';

// Compile-time completeness check: the French file must have every English key.
const fr: typeof en = frJson;

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

export const resources = { en: { translation: en }, fr: { translation: fr } } as const;

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources,
    supportedLngs: [...LANGUAGES],
    nonExplicitSupportedLngs: true,
    load: 'languageOnly',
    fallbackLng: 'en',
    // Synchronous start: the resources are bundled, so the first render is already translated.
    initAsync: false,
    // The browser's language is only a default: a signed-in person's profile locale wins, and
    // remembering a detected language in storage would make "automatic" stick to an old choice.
    detection: { order: ['navigator'], caches: [] },
    interpolation: { escapeValue: false },
  });

function reflectLanguage(lng: string | undefined): void {
  document.documentElement.lang = currentLanguage(lng);
}
i18n.on('languageChanged', reflectLanguage);
reflectLanguage(i18n.resolvedLanguage);

/** The supported language in use ('fr-CA' counts as 'fr'). */
export function currentLanguage(lng: string | undefined = i18n.resolvedLanguage): Language {
  const base = (lng ?? 'en').slice(0, 2).toLowerCase();
  return base === 'fr' ? 'fr' : 'en';
}

/** Applies a profile locale, or the browser's language when the person chose "automatic". */
export function applyLocale(locale: Language | null): void {
  const wanted = locale ?? undefined;
  if (wanted && currentLanguage() === wanted && i18n.language === wanted) return;
  // changeLanguage(undefined) asks the detector again, i.e. goes back to the browser's language.
  void i18n.changeLanguage(wanted);
}

export default i18n;
