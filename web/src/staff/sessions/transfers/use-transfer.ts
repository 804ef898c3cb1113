import { useState } from "react";

/**
 * What each transfer dialog shares: one client-made id per dialog (a retry or a double tap
 * sends the same id, so the server does it once), busy while sending, the error to show.
 */
export function useTransfer() {
  const [clientId] = useState(() => crypto.randomUUID());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run(send: (clientId: string) => Promise<unknown>, done: () => void) {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await send(clientId);
      done();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  }
  return { busy, error, setError, run };
}
