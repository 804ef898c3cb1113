/**
 * Whether a QR or card URL points at an address only this computer can reach (the server runs
 * without PUBLIC_URL, so it builds links from its own `localhost`/`127.0.0.1`): a phone that
 * scans it opens its own loopback and gets nothing. Returns the host to name in the warning,
 * or null when phones can reach the URL (or it is not a URL at all).
 */
export function localHostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  const bare = host.replace(/^\[|\]$/g, "");
  const loopback =
    bare === "localhost" ||
    bare.endsWith(".localhost") ||
    /^127(?:\.\d{1,3}){3}$/.test(bare) ||
    bare === "0.0.0.0" ||
    bare === "::1" ||
    bare === "::";
  return loopback ? bare : null;
}
