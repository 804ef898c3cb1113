// Ordered's service worker (issue 15): a guest's phone that reloads without network still
// gets the app, which then shows what it kept (the table's orders, "not confirmed yet",
// offline). Registered by web/src/main.tsx for the guest's pages only, scope /t/ or /s/; the
// staff's screens are never under it. The build (offline-shell.ts) fills in SHELL, the guest
// app's files, and VERSION. Plain JavaScript with no imports: copied into the build as
// /sw.js, not bundled.
//
// - Pages (navigations): the network first, so a deploy is seen at once; without network,
//   the kept index.html (one single-page app for every path).
// - /assets/*: hashed, so never changed: from the cache, else the network (then kept).
// - /api, /socket.io, /media: live data, never cached and never answered from here.

const VERSION = "__VERSION__";
const SHELL = __SHELL__;
const PREFIX = "ordered-shell-";
const CACHE = PREFIX + VERSION;
const INDEX = "/index.html";
const LIVE = /^\/(api|socket\.io|media)\//;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll([INDEX, ...SHELL]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith(PREFIX) && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || LIVE.test(url.pathname)) return;
  if (request.mode === "navigate") {
    event.respondWith(fetch(request).catch(() => fromCache(INDEX)));
  } else if (url.pathname.startsWith("/assets/")) {
    event.respondWith(fromCache(request).catch(() => fetchAndKeep(request)));
  }
});

/** The kept copy, or a rejection when there is none. */
async function fromCache(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  if (!hit) throw new Error("not cached");
  return hit;
}

async function fetchAndKeep(request) {
  const response = await fetch(request);
  if (response.ok) {
    const copy = response.clone();
    caches
      .open(CACHE)
      .then((cache) => cache.put(request, copy))
      .catch(() => {}); // a full disk costs the offline copy, not the page
  }
  return response;
}
