import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from "react";

type Announce = (message: string) => void;

const AnnounceContext = createContext<Announce>(() => {});

/** Says what a staff action did to screen-reader users ("Order Table 2 #3 marked ready"); a no-op outside an <Announcer>. */
export const useAnnounce = (): Announce => useContext(AnnounceContext);

/**
 * One polite live region for a page's action results. Not role="status": the connection pill
 * is the page's status. The region is emptied first, so the same words twice are heard twice.
 */
export function Announcer({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState("");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const announce = useCallback<Announce>((next) => {
    clearTimeout(timer.current);
    setMessage("");
    timer.current = setTimeout(() => setMessage(next), 50);
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);

  return (
    <AnnounceContext value={announce}>
      {children}
      <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="announcer">
        {message}
      </div>
    </AnnounceContext>
  );
}
