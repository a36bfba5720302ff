import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../../electron/shared/account-summary';
import { AccountRow } from './AccountRow';
import type { OpenRowDialog } from './row-actions';

const ESTIMATED_ROW_HEIGHT = 150;

/** The accounts, virtualized: only the rows in (and near) view are in the page, for 1 to 1,000 accounts. */
export function AccountList({ accounts, onOpenDialog }: { accounts: readonly AccountSummary[]; onOpenDialog: OpenRowDialog }) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: accounts.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    overscan: 4,
    getItemKey: (index) => accounts[index]?.id ?? index,
  });

  return (
    <div ref={scrollRef} className="account-scroll" data-testid="account-scroll">
      <div role="list" aria-label={t('dashboard.listLabel')} className="account-list" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const account = accounts[item.index];
          if (account === undefined) return null;
          return (
            <div key={item.key} data-index={item.index} ref={virtualizer.measureElement} className="account-slot" style={{ transform: `translateY(${item.start}px)` }}>
              <AccountRow account={account} position={item.index + 1} total={accounts.length} onOpenDialog={onOpenDialog} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
