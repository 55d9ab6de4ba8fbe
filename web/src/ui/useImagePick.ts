import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';

const MAX_BYTES = 10 * 1024 * 1024;

/**
 * Choosing one picture before saving it (a profile photo, a group cover): the file, a blob: preview
 * URL (revoked when no longer shown), a message for a file that is not an image or too large, and
 * `onChoose` to clear whatever the last save said.
 */
export function useImagePick(onChoose: () => void) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  // A blob: URL holds the file in memory until revoked.
  useEffect(() => {
    if (!file) return setPreview(null);
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);

  const reset = () => {
    setFile(null);
    if (input.current) input.current.value = '';
  };

  function choose(event: ChangeEvent<HTMLInputElement>): void {
    const chosen = event.target.files?.[0] ?? null;
    onChoose();
    setError(null);
    if (chosen && !chosen.type.startsWith('image/')) {
      setError(t('errors.notAnImage'));
      return reset();
    }
    if (chosen && chosen.size > MAX_BYTES) {
      setError(t('errors.tooLarge'));
      return reset();
    }
    setFile(chosen);
  }

  return { input, file, preview, error, choose, reset };
}
