import { useId } from 'react';
import type { ReactNode, RefObject } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { SORT_KEYS } from '../../state/account-list';
import type { ListQuery, SortKey } from '../../state/account-list';

interface ToolbarProps {
  title: string;
  counts: ReactNode;
  query: ListQuery;
  onQueryChange: (query: ListQuery) => void;
  searchRef: RefObject<HTMLInputElement | null>;
  onRefreshAll: () => void;
  refreshingAll: boolean;
  onAdd: () => void;
  onShortcuts: () => void;
}

/** One line above the list: the title and counts, search, sort, the attention filter and the frequent actions. */
export function DashboardToolbar({ title, counts, query, onQueryChange, searchRef, onRefreshAll, refreshingAll, onAdd, onShortcuts }: ToolbarProps) {
  const { t } = useTranslation();
  const searchId = useId();
  const sortId = useId();
  const attentionId = useId();
  return (
    <header className="toolbar">
      <div className="toolbar-title">
        <h1 id="dashboard-title">{title}</h1>
        {counts}
      </div>
      <div className="toolbar-controls" role="search">
        <label htmlFor={searchId} className="visually-hidden">
          {t('dashboard.search')}
        </label>
        <input id={searchId} ref={searchRef} className="toolbar-search" type="search" value={query.search} placeholder={t('dashboard.searchPlaceholder')} onChange={(event) => onQueryChange({ ...query, search: event.target.value })} />
        <label htmlFor={sortId} className="toolbar-label">
          {t('dashboard.sort')}
        </label>
        <select id={sortId} value={query.sort} onChange={(event) => onQueryChange({ ...query, sort: sortKeyOf(event.target.value) })}>
          {SORT_KEYS.map((key) => (
            <option key={key} value={key}>
              {t(`dashboard.sortBy.${key}`)}
            </option>
          ))}
        </select>
        <label className="toolbar-check" htmlFor={attentionId}>
          <input id={attentionId} type="checkbox" checked={query.attentionOnly} onChange={(event) => onQueryChange({ ...query, attentionOnly: event.target.checked })} />
          {t('dashboard.attentionOnly')}
        </label>
      </div>
      <div className="toolbar-actions">
        <button type="button" className="button" onClick={() => !refreshingAll && onRefreshAll()} aria-disabled={refreshingAll} aria-busy={refreshingAll}>
          {refreshingAll && <span className="spinner" aria-hidden="true" />}
          {refreshingAll ? t('dashboard.refreshingAll') : t('dashboard.refreshAll')}
        </button>
        <button type="button" className="button button-primary" onClick={onAdd}>
          {t('dashboard.add')}
        </button>
        <button type="button" className="button" onClick={onShortcuts} aria-keyshortcuts="F1">
          {t('app.shortcuts')}
        </button>
      </div>
    </header>
  );
}

function sortKeyOf(value: string): SortKey {
  return SORT_KEYS.find((key) => key === value) ?? 'label';
}
