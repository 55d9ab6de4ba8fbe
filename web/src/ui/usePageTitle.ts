import { useEffect } from 'react';

/** Each screen names itself in the tab title, which is also what screen readers announce first. */
export function usePageTitle(title: string, orgName?: string): void {
  useEffect(() => {
    document.title = [title, orgName, 'Commonplace'].filter(Boolean).join(' · ');
  }, [title, orgName]);
}
