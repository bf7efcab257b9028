// Light or dark, as the host theme says. The SDK writes the theme's variables on :root (at the
// handshake and on every `themeChanged`), then fires `themeApplied`; the page background tells
// which kind of theme it is, and `data-color-mode` selects theme/ado.css's dark fallbacks for
// anything the theme does not set.
export type ColorMode = 'light' | 'dark';

/** Relative luminance of a CSS colour in `rgb()`/`rgba()` or `#rrggbb` form; undefined if unreadable. */
export function luminance(colour: string): number | undefined {
  const value = colour.trim();
  let rgb: number[] | undefined;
  const hex = /^#([0-9a-f]{6})$/i.exec(value);
  if (hex) {
    const n = parseInt(hex[1] as string, 16);
    rgb = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  } else {
    const fn = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(value);
    if (fn) rgb = [Number(fn[1]), Number(fn[2]), Number(fn[3])];
  }
  if (!rgb) return undefined;
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Dark when the theme's background is dark; light when it is light or unset. */
export function colorModeOf(background: string): ColorMode {
  const l = luminance(background);
  return l !== undefined && l < 0.2 ? 'dark' : 'light';
}

function apply(): void {
  const background = getComputedStyle(document.documentElement).getPropertyValue('--background-color');
  document.documentElement.dataset.colorMode = colorModeOf(background);
}

/** Follows the host theme for the life of the page. */
export function followHostColorMode(): void {
  apply();
  window.addEventListener('themeApplied', apply);
}
