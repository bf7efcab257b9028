// A searchable list box following the ARIA 1.2 combobox pattern, so linking works from the
// keyboard alone: type to search, ArrowUp/ArrowDown to move, Enter to choose, Escape to close.
// Focus stays in the input; the active option is announced through aria-activedescendant.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

export interface ComboboxProps<T> {
  label: string;
  placeholder?: string;
  /** Looks options up for the typed text (debounced). */
  search: (text: string) => Promise<T[]>;
  optionKey: (option: T) => string;
  optionLabel: (option: T) => string;
  optionDetail?: (option: T) => string | undefined;
  onSelect: (option: T) => void;
  /** Called as the text changes, for forms that also accept typed values. */
  onTextChange?: (text: string) => void;
  text?: string;
  describedBy?: string;
  invalid?: boolean;
  disabled?: boolean;
  /** Search even when the text is empty (shows suggestions on focus). */
  searchEmpty?: boolean;
}

const DEBOUNCE_MS = 150;

export function Combobox<T>(props: ComboboxProps<T>) {
  const { label, placeholder, search, optionKey, optionLabel, optionDetail, onSelect, onTextChange, describedBy, invalid, disabled } = props;
  const id = useId();
  const listId = `${id}-list`;
  const [ownText, setOwnText] = useState('');
  const text = props.text ?? ownText;
  const [options, setOptions] = useState<T[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [searching, setSearching] = useState(false);
  const [failed, setFailed] = useState(false);
  const ticket = useRef(0);
  const searchRef = useRef(search);
  searchRef.current = search;

  useEffect(() => {
    if (!open || (text.trim() === '' && !props.searchEmpty)) {
      setOptions([]);
      return;
    }
    const mine = ++ticket.current;
    setSearching(true);
    const timer = setTimeout(() => {
      searchRef.current(text.trim()).then(
        (found) => {
          if (mine !== ticket.current) return;
          setOptions(found);
          setActive(found.length > 0 ? 0 : -1);
          setSearching(false);
          setFailed(false);
        },
        () => {
          if (mine !== ticket.current) return;
          setOptions([]);
          setSearching(false);
          setFailed(true);
        },
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, open, props.searchEmpty]);

  function change(next: string) {
    if (props.text === undefined) setOwnText(next);
    onTextChange?.(next);
    setOpen(true);
  }

  function choose(option: T) {
    onSelect(option);
    setOpen(false);
    setActive(-1);
    if (props.text === undefined) setOwnText('');
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) setOpen(true);
        else setActive((i) => (options.length === 0 ? -1 : (i + 1) % options.length));
        break;
      case 'ArrowUp':
        event.preventDefault();
        setActive((i) => (options.length === 0 ? -1 : (i - 1 + options.length) % options.length));
        break;
      case 'Enter': {
        const option = open && active >= 0 ? options[active] : undefined;
        if (option) {
          event.preventDefault();
          choose(option);
        }
        break;
      }
      case 'Escape':
        if (open) {
          event.preventDefault();
          setOpen(false);
        }
        break;
      default:
        break;
    }
  }

  const expanded = open && (options.length > 0 || searching || failed || text.trim() !== '');
  const activeOption = active >= 0 ? options[active] : undefined;
  const status = searching
    ? 'Searching…'
    : failed
      ? 'Search failed; try again.'
      : text.trim() === '' && !props.searchEmpty
        ? ''
        : options.length === 0
          ? 'No matches.'
          : `${options.length} ${options.length === 1 ? 'match' : 'matches'}; use the arrow keys to choose.`;

  return (
    <div className="h-combobox">
      <label className="h-label" htmlFor={`${id}-input`}>
        {label}
      </label>
      <input
        id={`${id}-input`}
        className="h-input"
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && activeOption ? `${id}-opt-${optionKey(activeOption)}` : undefined}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        placeholder={placeholder}
        value={text}
        disabled={disabled}
        onChange={(e) => change(e.target.value)}
        onFocus={() => props.searchEmpty && setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label={label} className="h-listbox" hidden={!expanded || options.length === 0}>
        {options.map((option, index) => {
          const detail = optionDetail?.(option);
          return (
            <li
              key={optionKey(option)}
              id={`${id}-opt-${optionKey(option)}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'h-option h-option-active' : 'h-option'}
              // mousedown, not click: the input's blur would close the list before a click lands.
              onMouseDown={(e) => {
                e.preventDefault();
                choose(option);
              }}
              onMouseEnter={() => setActive(index)}
            >
              <span className="h-option-label">{optionLabel(option)}</span>
              {detail && <span className="h-option-detail">{detail}</span>}
            </li>
          );
        })}
      </ul>
      <div className="h-sr-only" role="status" aria-live="polite">
        {open ? status : ''}
      </div>
    </div>
  );
}
