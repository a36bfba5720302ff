/** Actions of a row that open a dialog; the dashboard owns the dialogs, rows only ask for them. */
export type RowDialog = 'replace' | 'edit' | 'remove';

export type OpenRowDialog = (dialog: RowDialog, accountId: string) => void;
