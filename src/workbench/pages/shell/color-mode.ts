// Light or dark, as the real hosts signal it: Jira marks html[data-color-mode], and the ADO shell
// does the same from the host theme. In the workbench the choice comes from ?theme= (so a link
// or a screenshot can ask for it), else from the last choice made here.
export type ColorMode = 'light' | 'dark';

const KEY = 'harmony-workbench-color-mode';

export function initialColorMode(): ColorMode {
  const asked = new URLSearchParams(window.location.search).get('theme');
  if (asked === 'dark' || asked === 'light') return asked;
  try {
    return window.localStorage.getItem(KEY) === 'dark' ? 'dark' : 'light';
  } catch {
    return 'light';
  }
}

export function applyColorMode(mode: ColorMode): void {
  document.documentElement.dataset.colorMode = mode;
  document.documentElement.style.colorScheme = mode;
  try {
    window.localStorage.setItem(KEY, mode);
  } catch {
    // Storage may be off (private mode); the choice then lasts for this page only.
  }
  const url = new URL(window.location.href);
  url.searchParams.set('theme', mode);
  window.history.replaceState(null, '', url);
}
