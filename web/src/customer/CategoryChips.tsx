import { type RefObject, useEffect, useRef, useState } from "react";
import { t } from "../i18n/i18n";

export interface ChipTarget {
  id: string;
  name: string;
  /** The section's element id (its anchor). */
  anchor: string;
}

interface Props {
  sections: ChipTarget[];
  /** What the sections scroll in (their common parent), watched for the section in view. */
  container: RefObject<HTMLElement | null>;
}

/** Where the bar's bottom is once it sticks: its `top` plus its height. */
const stuckBottom = (bar: HTMLElement) => (Number.parseFloat(getComputedStyle(bar).top) || 0) + bar.offsetHeight;

const reducedMotion = () => window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;

/**
 * The sticky row of category chips: the chip of the section in view is highlighted (an
 * IntersectionObserver on the sections), and tapping a chip scrolls to its section. Links to
 * the sections' anchors, so they also work as plain links.
 */
export function CategoryChips({ sections, container }: Props) {
  const nav = useRef<HTMLElement>(null);
  const [active, setActive] = useState<string | null>(sections[0]?.id ?? null);
  // A tap scrolls smoothly past other sections; they must not take the highlight on the way.
  const pinnedUntil = useRef(0);
  const ids = sections.map((s) => s.id).join(",");

  useEffect(() => {
    const root = container.current;
    const bar = nav.current;
    if (!root || !bar || !("IntersectionObserver" in window)) return;
    // The section being read is the last one whose top has passed a reading line a third of
    // the way down the space under the sticky bars. The observer watches the band between the
    // bars and that line: a section's top crosses the line exactly when its place in the band
    // changes, so each callback is the moment to look again.
    let observer: IntersectionObserver | null = null;
    const observe = () => {
      observer?.disconnect();
      const top = Math.round(stuckBottom(bar));
      const line = Math.round(top + (window.innerHeight - top) / 3);
      observer = new IntersectionObserver(
        () => {
          if (Date.now() < pinnedUntil.current) return;
          const sections = [...root.querySelectorAll<HTMLElement>("[data-section]")];
          const passed = sections.filter((el) => el.getBoundingClientRect().top <= line + 1);
          const current = passed.at(-1) ?? sections[0];
          if (current) setActive(current.dataset.section ?? null);
        },
        { rootMargin: `-${top}px 0px -${window.innerHeight - line}px 0px` },
      );
      for (const id of ids.split(",")) {
        const el = root.querySelector<HTMLElement>(`[data-section="${id}"]`);
        if (el) observer.observe(el);
      }
    };
    observe();
    // The band is in pixels of this viewport: a turned phone or a resized window needs a new one.
    window.addEventListener("resize", observe);
    return () => {
      window.removeEventListener("resize", observe);
      observer?.disconnect();
    };
  }, [container, ids]);

  // Keep the highlighted chip in sight in the row (scrolling the row only, never the page).
  useEffect(() => {
    const bar = nav.current;
    const chip = active ? bar?.querySelector<HTMLElement>(`[data-chip="${active}"]`) : null;
    if (!bar || !chip) return;
    const left = chip.offsetLeft - bar.clientWidth / 2 + chip.clientWidth / 2;
    bar.scrollTo({ left: Math.max(0, left), behavior: reducedMotion() ? "auto" : "smooth" });
  }, [active]);

  if (sections.length < 2) return null;
  return (
    <nav ref={nav} aria-label={t("customer.categories")} className="category-nav category-chips">
      {sections.map((s) => (
        <a
          key={s.id}
          href={`#${s.anchor}`}
          className="category-chip"
          data-chip={s.id}
          aria-current={s.id === active ? "true" : undefined}
          onClick={(e) => {
            const target = document.getElementById(s.anchor);
            if (!target) return;
            e.preventDefault();
            setActive(s.id);
            pinnedUntil.current = Date.now() + 900;
            // Just below the sticky bars (whatever their height at this screen size).
            const top = window.scrollY + target.getBoundingClientRect().top - (nav.current ? stuckBottom(nav.current) : 0) - 8;
            window.scrollTo({ top, behavior: reducedMotion() ? "auto" : "smooth" });
          }}
        >
          {s.name}
        </a>
      ))}
    </nav>
  );
}
