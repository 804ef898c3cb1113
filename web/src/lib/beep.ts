let ctx: AudioContext | null = null;

function context(): AudioContext | null {
  try {
    ctx ??= new AudioContext();
    return ctx;
  } catch {
    return null; // no WebAudio
  }
}

/**
 * Browsers keep audio suspended until a user gesture; call this from one (any click) so
 * later beeps, triggered by socket events, can sound.
 */
export function unlockAudio(): void {
  const c = context();
  if (c && c.state === "suspended") c.resume().catch(() => {});
}

/** "suspended": the browser blocks sound until someone touches the page (e.g. after a reload). */
export type AudioState = "running" | "suspended" | "unavailable";

/** Whether a beep would sound now; creates the audio context on first use. */
export function audioState(): AudioState {
  const c = context();
  if (!c || c.state === "closed") return "unavailable";
  return c.state === "running" ? "running" : "suspended";
}

/** Calls `fn` whenever the audio state changes (unlocked by a touch, suspended by the system). Returns an unsubscribe. */
export function onAudioStateChange(fn: () => void): () => void {
  const c = context();
  if (!c) return () => {};
  c.addEventListener("statechange", fn);
  return () => c.removeEventListener("statechange", fn);
}

/**
 * A short two-tone cue for a new order. Silently does nothing when audio is blocked;
 * returns whether it sounded.
 */
export function beep(): boolean {
  try {
    const c = context();
    if (c?.state !== "running") return false;
    const now = c.currentTime;
    [880, 1320].forEach((freq, i) => {
      const osc = c.createOscillator();
      const gain = c.createGain();
      osc.type = "sine";
      osc.frequency.value = freq;
      const start = now + i * 0.12;
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(0.2, start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.11);
      osc.connect(gain).connect(c.destination);
      osc.start(start);
      osc.stop(start + 0.12);
    });
    return true;
  } catch {
    // A cue is a nicety; never let it break the panel.
    return false;
  }
}
