// Theme data the test host hands the extension at the handshake, as Azure DevOps does: the
// values of its theme's CSS variables (the SDK writes them on the frame's :root as `--name`).
// The names are those of Azure DevOps' own themes; the values follow its Light and Dark looks.
export type ThemeData = Record<string, string>;

export const LIGHT_THEME: ThemeData = {
  'background-color': 'rgba(255, 255, 255, 1)',
  'callout-background-color': 'rgba(255, 255, 255, 1)',
  'text-primary-color': 'rgba(0, 0, 0, .9)',
  'text-secondary-color': 'rgba(0, 0, 0, .6)',
  'border-subtle-color': 'rgba(0, 0, 0, .08)',
  'focus-border-color': 'rgba(0, 120, 212, 1)',
  'communication-foreground': 'rgba(0, 90, 158, 1)',
  'communication-background': 'rgba(0, 120, 212, 1)',
  'text-on-communication-background': 'rgba(255, 255, 255, 1)',
  'status-success-background': 'rgba(223, 246, 221, 1)',
  'status-success-foreground': 'rgba(16, 124, 16, 1)',
  'status-success-text': 'rgba(11, 106, 11, 1)',
  'status-warning-background': 'rgba(255, 244, 206, 1)',
  'status-warning-foreground': 'rgba(194, 94, 0, 1)',
  'status-warning-text': 'rgba(122, 71, 0, 1)',
  'status-error-background': 'rgba(253, 231, 233, 1)',
  'status-error-foreground': 'rgba(205, 74, 69, 1)',
  'status-error-text': 'rgba(164, 38, 44, 1)',
  'status-info-background': 'rgba(222, 236, 249, 1)',
  'palette-primary': '0, 120, 212',
  'palette-neutral-100': '0, 0, 0',
};

export const DARK_THEME: ThemeData = {
  'background-color': 'rgba(32, 31, 30, 1)',
  'callout-background-color': 'rgba(41, 40, 39, 1)',
  'text-primary-color': 'rgba(255, 255, 255, .9)',
  'text-secondary-color': 'rgba(255, 255, 255, .62)',
  'border-subtle-color': 'rgba(255, 255, 255, .14)',
  'focus-border-color': 'rgba(77, 163, 255, 1)',
  'communication-foreground': 'rgba(77, 163, 255, 1)',
  'communication-background': 'rgba(0, 120, 212, 1)',
  'text-on-communication-background': 'rgba(255, 255, 255, 1)',
  'status-success-background': 'rgba(30, 58, 30, 1)',
  'status-success-foreground': 'rgba(84, 176, 84, 1)',
  'status-success-text': 'rgba(146, 209, 140, 1)',
  'status-warning-background': 'rgba(61, 51, 21, 1)',
  'status-warning-foreground': 'rgba(242, 165, 65, 1)',
  'status-warning-text': 'rgba(255, 214, 112, 1)',
  'status-error-background': 'rgba(68, 39, 38, 1)',
  'status-error-foreground': 'rgba(241, 112, 123, 1)',
  'status-error-text': 'rgba(244, 166, 168, 1)',
  'status-info-background': 'rgba(16, 42, 67, 1)',
  'palette-primary': '77, 163, 255',
  'palette-neutral-100': '255, 255, 255',
};
