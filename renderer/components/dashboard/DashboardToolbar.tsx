import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SORT_KEYS } from '../../state/account-list';
import type { ListQuery, SortKey } from '../../state/account-list';

interface ToolbarProps {
  query: ListQuery;
  onQueryChange: (query: ListQuery) => void;
  onRefreshAll: () => void;
  refreshingAll: boolean;
  onAdd: () => void;
}

export function DashboardToolbar({ query, onQueryChange, onRefreshAll, refreshingAll, onAdd }: ToolbarProps) {
  const { t } = useTranslation();
  const searchId = useId();
  const sortId = useId();
  const attentionId = useId();
  return (
    <div className="toolbar" role="search">
      <div className="toolbar-field toolbar-search">
        <label htmlFor={searchId}>{t('dashboard.search')}</label>
        <input id={searchId} type="search" value={query.search} placeholder={t('dashboard.searchPlaceholder')} onChange={(event) => onQueryChange({ ...query, search: event.target.value })} />
      </div>
      <div className="toolbar-field">
        <label htmlFor={sortId}>{t('dashboard.sort')}</label>
        <select id={sortId} value={query.sort} onChange={(event) => onQueryChange({ ...query, sort: sortKeyOf(event.target.value) })}>
          {SORT_KEYS.map((key) => (
            <option key={key} value={key}>
              {t(`dashboard.sortBy.${key}`)}
            </option>
          ))}
        </select>
      </div>
      <label className="toolbar-check" htmlFor={attentionId}>
        <input id={attentionId} type="checkbox" checked={query.attentionOnly} onChange={(event) => onQueryChange({ ...query, attentionOnly: event.target.checked })} />
        {t('dashboard.attentionOnly')}
      </label>
      <div className="toolbar-actions">
        <button type="button" className="button" onClick={onRefreshAll} disabled={refreshingAll} aria-busy={refreshingAll}>
          {refreshingAll && <span className="spinner" aria-hidden="true" />}
          {refreshingAll ? t('dashboard.refreshingAll') : t('dashboard.refreshAll')}
        </button>
        <button type="button" className="button button-primary" onClick={onAdd}>
          {t('dashboard.add')}
        </button>
      </div>
    </div>
  );
}

function sortKeyOf(value: string): SortKey {
  return SORT_KEYS.find((key) => key === value) ?? 'label';
}
