import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { checkSlug } from '../../api/orgs';

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
export const isSlugShaped = (slug: string): boolean => slug.length >= 3 && slug.length <= 40 && SLUG_PATTERN.test(slug);

/** "Acme Café & Co" → "acme-cafe-co": a first guess at the address, which the person may change. */
export function slugFromName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export type SlugStatus = 'empty' | 'invalid' | 'checking' | 'available' | 'taken' | 'reserved' | 'unknown';

/** Asks the server, a moment after typing stops, whether the address is still free. */
export function useSlugAvailability(slug: string): SlugStatus {
  const debounced = useDebounced(slug, 300);
  const shaped = isSlugShaped(debounced);
  const query = useQuery({
    queryKey: ['slug-check', debounced],
    queryFn: ({ signal }) => checkSlug(debounced, signal),
    enabled: shaped,
    staleTime: 10_000,
  });
  if (slug === '') return 'empty';
  if (!isSlugShaped(slug)) return 'invalid';
  if (debounced !== slug || query.isPending) return 'checking';
  if (query.isError) return 'unknown';
  if (query.data.available) return 'available';
  return query.data.reason === 'reserved' ? 'reserved' : 'taken';
}
