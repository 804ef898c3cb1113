import { useEffect, useState } from "react";

/**
 * Whether the element with this id shows on screen at all (an IntersectionObserver), looked
 * for again whenever `present` changes (a tab that mounts it). False when it is absent.
 */
export function useInView(elementId: string, present: boolean): boolean {
  const [inView, setInView] = useState(false);
  useEffect(() => {
    const el = present ? document.getElementById(elementId) : null;
    if (!el || !("IntersectionObserver" in window)) {
      setInView(false);
      return;
    }
    const observer = new IntersectionObserver(([entry]) => setInView(entry?.isIntersecting ?? false));
    observer.observe(el);
    return () => observer.disconnect();
  }, [elementId, present]);
  return inView;
}
