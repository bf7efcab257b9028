// Light or dark, as the real hosts signal it: Jira marks html[data-color-mode], and the ADO shell
// does the same from the host theme. In the workbench the choice comes from ?theme= (so a link
// or a screenshot can ask for it), else from a choice made here with the toggle, else from the
// system's own setting (prefers-color-scheme), which the page then follows as it changes.
export type ColorMode = 'light' | 'dark';

const KEY = 'harmony-workbench-color-mode';
const SYSTEM_DARK = '(prefers-color-scheme: dark)';

function chosen(): ColorMode | undefined {
  const asked = new URLSearchParams(window.location.search).get('theme');
  if (asked === 'dark' || asked === 'light') return asked;
  try {
    const stored = window.localStorage.getItem(KEY);
    return stored === 'dark' || stored === 'light' ? stored : undefined;
  } catch {
    return undefined;
  }
}

function systemMode(): ColorMode {
  return window.matchMedia(SYSTEM_DARK).matches ? 'dark' : 'light';
}

export function initialColorMode(): ColorMode {
  return chosen() ?? systemMode();
}

/** Shows `mode`; `remember` (a choice made with the toggle) keeps it over the system's setting. */
export function applyColorMode(mode: ColorMode, remember = false): void {
  document.documentElement.dataset.colorMode = mode;
  document.documentElement.style.colorScheme = mode;
  if (!remember) return;
  try {
    window.localStorage.setItem(KEY, mode);
  } catch {
    // Storage may be off (private mode); the choice then lasts for this page only.
  }
  const url = new URL(window.location.href);
  url.searchParams.set('theme', mode);
  window.history.replaceState(null, '', url);
}

/** Until a choice is made here, the page follows the system's setting as it changes; returns the unsubscribe. */
export function followSystemColorMode(onChange: (mode: ColorMode) => void): () => void {
  const query = window.matchMedia(SYSTEM_DARK);
  const changed = () => {
    if (chosen() !== undefined) return;
    const mode = systemMode();
    applyColorMode(mode);
    onChange(mode);
  };
  query.addEventListener('change', changed);
  return () => query.removeEventListener('change', changed);
}
