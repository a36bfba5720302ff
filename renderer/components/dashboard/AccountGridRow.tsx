import { memo } from 'react';
import type { CSSProperties } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { AccountSummary } from '../../../electron/shared/account-summary';
import { useAccountView } from '../../hooks/use-account-view';
import { useAccountActions } from './account-actions';
import { HostBadge, StatePill } from './Badges';
import { Countdown } from './Countdown';
import { ForAccount } from './ForAccount';

interface AccountGridRowProps {
  account: AccountSummary;
  /** 1-based position among the rows of the grid (the header row is 1). */
  rowIndex: number;
  selected: boolean;
  style: CSSProperties;
  onSelect: (id: string) => void;
  onOpen: (id: string) => void;
}

/** One account on one line: label (and a host badge when not production), e-mail, state, time left, Copy. */
export const AccountGridRow = memo(function AccountGridRow({ account, rowIndex, selected, style, onSelect, onOpen }: AccountGridRowProps) {
  const { t } = useTranslation();
  const view = useAccountView(account);
  const actions = useAccountActions();
  const copying = actions.busy(account.id, 'token');
  return (
    <div
      role="row"
      aria-rowindex={rowIndex}
      aria-selected={selected}
      tabIndex={selected ? 0 : -1}
      className={`grid-row${selected ? ' grid-row-selected' : ''}${view.attention ? ' grid-row-attention' : ''}`}
      style={style}
      data-testid="account-row"
      data-account-id={account.id}
      data-label={account.label}
      data-state={view.state}
      onClick={() => onSelect(account.id)}
      onDoubleClick={() => onOpen(account.id)}
    >
      <div role="gridcell" className="cell cell-label">
        <span className="cell-label-text">{account.label}</span>
        <HostBadge kind={account.hostKind} host={account.host} />
      </div>
      <div role="gridcell" className="cell cell-email">
        {account.email}
      </div>
      <div role="gridcell" className="cell cell-state">
        <StatePill state={view.state} tone={view.tone} />
      </div>
      <div role="gridcell" className="cell cell-countdown">
        <Countdown expiresAt={view.countdownTo} />
      </div>
      <div role="gridcell" className="cell cell-copy">
        {view.canCopy && (
          <button
            type="button"
            className="button button-small"
            tabIndex={selected ? 0 : -1}
            aria-disabled={copying}
            onClick={(event) => {
              event.stopPropagation();
              onSelect(account.id);
              if (!copying) void actions.copy(account, 'token');
            }}
          >
            {t('row.copy')}
            <ForAccount label={account.label} />
          </button>
        )}
      </div>
    </div>
  );
});
