// How typed search text meets titles: case and accents do not matter ("cafe" finds "Cafés",
// "Maria" finds "María"), as in Jira's and Azure DevOps' own search boxes. Both sides are folded
// the same way: Unicode NFD, combining marks dropped, lower case.

/** Text folded for matching. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** Whether `haystack` holds `needle`, ignoring case and accents; an empty needle matches. */
export function matchesSearch(haystack: string, needle: string): boolean {
  return foldForSearch(haystack).includes(foldForSearch(needle.trim()));
}
