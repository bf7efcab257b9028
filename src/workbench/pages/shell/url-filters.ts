// A page's filters kept in its address (board, review), so a filtered view can be bookmarked,
// shared and reloaded. Only the named parameters are read or written; empty ones are removed.

export function filtersFromUrl<K extends string>(names: readonly K[]): Partial<Record<K, string>> {
  const params = new URLSearchParams(window.location.search);
  const filters: Partial<Record<K, string>> = {};
  for (const name of names) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  return filters;
}

export function filtersToUrl<K extends string>(names: readonly K[], filters: Partial<Record<K, string | undefined>>): void {
  const url = new URL(window.location.href);
  for (const name of names) {
    const value = filters[name];
    if (value) url.searchParams.set(name, value);
    else url.searchParams.delete(name);
  }
  window.history.replaceState(null, '', url);
}
