import { useState } from 'react';
import { applyColorMode, initialColorMode, type ColorMode } from './color-mode';

export function ColorModeToggle({ className }: { className?: string }) {
  const [mode, setMode] = useState<ColorMode>(initialColorMode);
  const next: ColorMode = mode === 'dark' ? 'light' : 'dark';
  return (
    <button
      type="button"
      className={className ?? 'wb-toggle'}
      aria-pressed={mode === 'dark'}
      onClick={() => {
        applyColorMode(next);
        setMode(next);
      }}
    >
      Dark mode
    </button>
  );
}
