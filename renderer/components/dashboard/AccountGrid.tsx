import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { AccountSummary } from '../../../electron/shared/account-summary';
import { AccountGridRow } from './AccountGridRow';

/** Fixed, so the virtualizer never measures: 1,000 accounts scroll as smoothly as 10. */
export const ROW_HEIGHT = 34;
const PAGE_ROWS = 10;

interface AccountGridProps {
  accounts: readonly AccountSummary[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  onOpen: (id: string) => void;
}

/**
 * The accounts as a dense, virtualized grid with one selected row (roving tab stop): arrows, Home/End and
 * Page Up/Down move the selection and the focus with it, Enter opens the details.
 */
export function AccountGrid({ accounts, selectedId, onSelect, onOpen }: AccountGridProps) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: accounts.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => accounts[index]?.id ?? index,
  });
  const selectedIndex = accounts.findIndex((account) => account.id === selectedId);

  // Keeps the selected row in view (after a keyboard move, a search, or a sort).
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const moveTo = (index: number): void => {
    const target = accounts[Math.max(0, Math.min(accounts.length - 1, index))];
    if (target === undefined) return;
    onSelect(target.id);
    virtualizer.scrollToIndex(accounts.indexOf(target), { align: 'auto' });
    // The row may only exist after the scroll renders it.
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-account-id="${CSS.escape(target.id)}"]`)?.focus());
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.target instanceof HTMLButtonElement && (event.key === 'Enter' || event.key === ' ')) return;
    const from = selectedIndex < 0 ? 0 : selectedIndex;
    const moves: Record<string, number> = { ArrowDown: from + 1, ArrowUp: from - 1, Home: 0, End: accounts.length - 1, PageDown: from + PAGE_ROWS, PageUp: from - PAGE_ROWS };
    const target = moves[event.key];
    if (target !== undefined && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      moveTo(target);
      return;
    }
    if (event.key === 'Enter' && selectedId !== null) {
      event.preventDefault();
      onOpen(selectedId);
    }
  };

  return (
    <div role="grid" aria-label={t('dashboard.listLabel')} aria-rowcount={accounts.length + 1} className="account-grid" data-testid="account-grid">
      <div role="rowgroup" className="grid-head">
        <div role="row" aria-rowindex={1} className="grid-row grid-row-head">
          <div role="columnheader" className="cell cell-label">
            {t('dashboard.columns.account')}
          </div>
          <div role="columnheader" className="cell cell-email">
            {t('dashboard.columns.email')}
          </div>
          <div role="columnheader" className="cell cell-state">
            {t('dashboard.columns.status')}
          </div>
          <div role="columnheader" className="cell cell-countdown">
            {t('dashboard.columns.validFor')}
          </div>
          <div role="columnheader" className="cell cell-copy">
            <span className="visually-hidden">{t('dashboard.columns.copy')}</span>
          </div>
        </div>
      </div>
      <div role="rowgroup" ref={scrollRef} className="grid-body" data-testid="account-scroll" onKeyDown={onKeyDown}>
        <div role="presentation" className="grid-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const account = accounts[item.index];
            if (account === undefined) return null;
            return (
              <AccountGridRow
                key={item.key}
                account={account}
                rowIndex={item.index + 2}
                selected={account.id === selectedId}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onSelect={onSelect}
                onOpen={onOpen}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
