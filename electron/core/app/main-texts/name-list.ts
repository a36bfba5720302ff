/** The accounts a tooltip names: "A, B, C", or with the language's ending when more were left out ("A, B, C and 2 more"). */
export function nameList(shown: readonly string[], others: number, withOthers: (list: string, others: number) => string): string {
  const list = shown.join(', ');
  return others > 0 ? withOthers(list, others) : list;
}
