import { useEffect, useState } from 'react';
import { applyColorMode, followSystemColorMode, initialColorMode, type ColorMode } from './color-mode';

/** A switch: its name stays "Dark mode", and it says whether that is on. */
export function ColorModeToggle({ className }: { className?: string }) {
  const [mode, setMode] = useState<ColorMode>(initialColorMode);
  useEffect(() => followSystemColorMode(setMode), []);
  const on = mode === 'dark';
  return (
    <button
      type="button"
      role="switch"
      className={className ?? 'wb-toggle'}
      aria-checked={on}
      onClick={() => {
        const next: ColorMode = on ? 'light' : 'dark';
        applyColorMode(next, true);
        setMode(next);
      }}
    >
      Dark mode <span aria-hidden="true">{on ? 'on' : 'off'}</span>
    </button>
  );
}
