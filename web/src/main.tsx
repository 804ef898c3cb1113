import "./global.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { activateLanguage, initialLanguage } from "./i18n/i18n";

const render = () =>
  createRoot(document.getElementById("root")!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );

// A guest's phone speaks the guest's language from the first screen on: its catalog (a small
// chunk; English is built in) is loaded before anything renders. Staff screens are English.
const guestPage = /^\/[ts]\//.test(location.pathname);
const language = guestPage ? initialLanguage() : "en";
if (language !== "en") {
  activateLanguage(language)
    .catch(() => {
      // The catalog did not load (offline before it was ever cached): English, rather than nothing.
    })
    .finally(render);
} else {
  if (guestPage) void activateLanguage(language); // English is built in: this only sets the page's lang and formats
  render();
}

// The guest's app shell for a reload without network (web/offline/service-worker.js), for the
// guest's pages only (/t/<card>, /s/<code>): staff screens keep the browser's own behaviour.
// Registered once the page has loaded, so it never competes with the first screen; not in
// development, where Vite serves the sources.
const guestScope = guestPage ? /^\/[ts]\//.exec(location.pathname)?.[0] : undefined;
if (import.meta.env.PROD && guestScope && "serviceWorker" in navigator) {
  window.addEventListener("load", () => {
    navigator.serviceWorker.register("/sw.js", { scope: guestScope }).catch(() => {
      // No worker (private mode, an old browser): the app works, only not offline.
    });
  });
}
