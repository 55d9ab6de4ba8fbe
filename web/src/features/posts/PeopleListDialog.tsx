import * as Dialog from '@radix-ui/react-dialog';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../api/types';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { errorMessage } from '../../ui/errors';
import { LoadMore } from '../../ui/LoadMore';
import { Loading } from '../../ui/Loading';
import { PersonLine } from '../people/PersonLine';

interface Listed {
  person: { id: string; displayName: string; photoUrl: string | null; deactivated: boolean };
}

/** One tab of the dialog: its own paginated list of people. */
export interface PeopleTab<T extends Listed> {
  key: string;
  label: string;
  empty: string;
  fetch(cursor?: string): Promise<Page<T>>;
  /** What to show after a name (a choice, an answer, a date). */
  extra?(item: T): ReactNode;
}

interface Props<T extends Listed> {
  /** The button's text: the count it opens. */
  trigger: ReactNode;
  title: string;
  /** Keeps each list apart in the cache; `version` changes when the counts do, so an open list is read again. */
  queryKey: readonly unknown[];
  version: string;
  tabs: [PeopleTab<T>, ...PeopleTab<T>[]];
  tabsLabel?: string;
}

/**
 * A count ("Seen by 3 of 5", "4 going") as a button that lists the people behind it, with tabs when there are
 * several lists. The tabs follow the ARIA tabs pattern: arrow keys, Home and End move between them.
 */
export function PeopleListDialog<T extends Listed>({ trigger, title, queryKey, version, tabs, tabsLabel }: Props<T>) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const ids = useId();
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const tab = tabs[active] ?? tabs[0];
  const list = useInfiniteQuery({
    queryKey: [...queryKey, tab.key, version],
    queryFn: ({ pageParam }) => tab.fetch(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: open,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const choose = (i: number) => {
    const next = (i + tabs.length) % tabs.length;
    setActive(next);
    tabRefs.current[next]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowRight: active + 1, ArrowLeft: active - 1, Home: 0, End: tabs.length - 1 };
    const to = moves[e.key];
    if (to !== undefined) {
      e.preventDefault();
      choose(to);
    }
  };
  const body = (
    <>
      {list.isPending ? <Loading /> : null}
      <ErrorAlert message={list.isError ? errorMessage(t, list.error) : null} />
      {list.isSuccess && items.length === 0 ? <EmptyState title={tab.empty} /> : null}
      {items.length > 0 ? (
        <ul className="member-list">
          {items.map((item, i) => (
            // One person may be listed twice (two choices in a poll).
            <li key={`${item.person.id}-${i}`} className="member-row">
              <PersonLine
                person={{ ...item.person, status: item.person.deactivated ? 'deactivated' : 'active' }}
                extra={tab.extra?.(item)}
              />
            </li>
          ))}
        </ul>
      ) : null}
      <LoadMore query={list} />
    </>
  );
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <button type="button" className="link-button count-button">
          {trigger}
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" aria-describedby={undefined}>
          <Dialog.Title className="dialog__title">{title}</Dialog.Title>
          {tabs.length > 1 ? (
            <>
              <div className="kind-filter" role="tablist" aria-label={tabsLabel ?? title} onKeyDown={onKeyDown}>
                {tabs.map((x, i) => (
                  <button
                    key={x.key}
                    ref={(el) => {
                      tabRefs.current[i] = el;
                    }}
                    id={`${ids}-tab-${i}`}
                    type="button"
                    role="tab"
                    className="kind-filter__item"
                    aria-selected={i === active}
                    aria-controls={`${ids}-panel`}
                    tabIndex={i === active ? 0 : -1}
                    onClick={() => setActive(i)}
                  >
                    {x.label}
                  </button>
                ))}
              </div>
              <div id={`${ids}-panel`} role="tabpanel" tabIndex={0} aria-labelledby={`${ids}-tab-${active}`}>
                {body}
              </div>
            </>
          ) : (
            body
          )}
          <div className="dialog__actions">
            <Dialog.Close asChild>
              <Button variant="secondary">{t('common.close')}</Button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
