import { useEffect, type FC } from 'react';

/**
 * Stand-in for the react-style-singleton package (aliased in vite.config.ts), which
 * react-remove-scroll uses inside Radix dialogs and menus to lock the page's scrolling.
 * The original appends a <style> element, which the production CSP (style-src 'self', no
 * 'unsafe-inline') refuses; a constructed stylesheet adopted by the document is CSSOM, which the
 * CSP allows. Same API and the same "first mount adds, last unmount removes" behaviour.
 */
export function stylesheetSingleton(): { add(css: string): void; remove(): void } {
  let counter = 0;
  let sheet: CSSStyleSheet | null = null;
  return {
    add(css) {
      if (counter === 0 && typeof document !== 'undefined') {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      }
      counter += 1;
    },
    remove() {
      counter -= 1;
      if (counter === 0 && sheet) {
        const done = sheet;
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== done);
        sheet = null;
      }
    },
  };
}

export function styleHookSingleton(): (styles: string, isDynamic?: boolean) => void {
  const sheet = stylesheetSingleton();
  return function useStyle(styles, isDynamic) {
    useEffect(() => {
      sheet.add(styles);
      return () => sheet.remove();
      // Like the original: static styles are added once; dynamic ones follow their text.
    }, [isDynamic ? styles : false]);
  };
}

export function styleSingleton(): FC<{ styles: string; dynamic?: boolean }> {
  const useStyle = styleHookSingleton();
  return function Sheet({ styles, dynamic }) {
    useStyle(styles, dynamic);
    return null;
  };
}
