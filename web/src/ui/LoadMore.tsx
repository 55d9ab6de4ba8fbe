import { useTranslation } from 'react-i18next';
import { Button } from './Button';

interface Pager {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage(): Promise<unknown>;
}

/** "Load more" under a list read page by page with a cursor. */
export function LoadMore({ query, label }: { query: Pager; label?: string }) {
  const { t } = useTranslation();
  if (!query.hasNextPage) return null;
  return (
    <div className="actions actions--center">
      <Button variant="secondary" busy={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
        {label ?? t('common.loadMore')}
      </Button>
    </div>
  );
}
