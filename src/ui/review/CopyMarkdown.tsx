// "Copy as Markdown": the minutes as `okr review` prints them. Clipboard access can be refused
// (an iframe without the clipboard-write permission, an old browser); then the text is shown
// selected in a box so the user can copy it themselves, rather than an error and nothing.
import { useEffect, useRef, useState } from 'react';

type State = 'idle' | 'copied' | 'manual';

export function CopyMarkdown({ markdown, copy = defaultCopy }: { markdown: string; copy?: (text: string) => Promise<void> }) {
  const [state, setState] = useState<State>('idle');
  const box = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (state === 'manual') box.current?.select();
  }, [state]);
  // New filters give new minutes: an old "Copied" would be about other text.
  useEffect(() => setState('idle'), [markdown]);

  return (
    <div className="h-review-copy h-no-print">
      <button
        type="button"
        className="h-button"
        onClick={() => {
          copy(markdown).then(
            () => setState('copied'),
            () => setState('manual'),
          );
        }}
      >
        Copy as Markdown
      </button>
      <span role="status" className="h-saved">
        {state === 'copied' ? 'Copied the review as Markdown.' : ''}
      </span>
      {state === 'manual' && (
        <div className="h-field">
          <label className="h-label" htmlFor="h-review-markdown">
            This page may not use the clipboard: the text below is selected, copy it with Ctrl+C (⌘C on a Mac).
          </label>
          <textarea id="h-review-markdown" ref={box} className="h-input h-review-markdown" readOnly rows={12} value={markdown} />
        </div>
      )}
    </div>
  );
}

function defaultCopy(text: string): Promise<void> {
  if (typeof navigator === 'undefined' || navigator.clipboard === undefined) return Promise.reject(new Error('no clipboard'));
  return navigator.clipboard.writeText(text);
}
