import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import "./styles.css";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The guest's app shell for a reload without network (web/offline/service-worker.js), for the
// guest's pages only (/t/<card>, /s/<code>): staff screens keep the browser's own behaviour.
// Registered once the page has loaded, so it never competes with the first screen; not in
// development, where Vite serves the sources.
const guestScope = /^\/[ts]\//.exec(location.pathname)?.[0];
if (import.meta.env.PROD && guestScope && "serviceWorker" in navigator) {
  window.addEventListener("load", () => {
    navigator.serviceWorker.register("/sw.js", { scope: guestScope }).catch(() => {
      // No worker (private mode, an old browser): the app works, only not offline.
    });
  });
}
