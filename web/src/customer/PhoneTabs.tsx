import { type KeyboardEvent, useRef } from "react";

export interface Tab<K extends string> {
  key: K;
  label: string;
}

interface Props<K extends string> {
  label: string;
  tabs: Tab<K>[];
  selected: K;
  onSelect: (key: K) => void;
}

export const tabId = (key: string) => `phone-tab-${key}`;
export const panelId = (key: string) => `phone-panel-${key}`;

/** The phone's views (order, bill) as ARIA tabs: arrow keys move between them, Tab goes into the panel. */
export function PhoneTabs<K extends string>({ label, tabs, selected, onSelect }: Props<K>) {
  const refs = useRef(new Map<K, HTMLButtonElement>());
  const move = (e: KeyboardEvent, index: number) => {
    const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = tabs[(index + step + tabs.length) % tabs.length]!;
    onSelect(next.key);
    refs.current.get(next.key)?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className="phone-tabs">
      {tabs.map((t, i) => (
        <button
          key={t.key}
          ref={(el) => {
            if (el) refs.current.set(t.key, el);
            else refs.current.delete(t.key);
          }}
          type="button"
          role="tab"
          id={tabId(t.key)}
          aria-selected={t.key === selected}
          aria-controls={panelId(t.key)}
          tabIndex={t.key === selected ? 0 : -1}
          className="phone-tab"
          onClick={() => onSelect(t.key)}
          onKeyDown={(e) => move(e, i)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
