import { useEffect, useRef, type RefObject } from 'react';

/**
 * After a submit that found mistakes, moves focus to the first field in error, so that keyboard
 * and screen-reader users land on it and hear its message (linked with aria-describedby).
 */
export function useFocusFirstError(errors: object): RefObject<HTMLFormElement | null> {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);
  return form;
}
