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

/** A short two-tone cue for a new order. Silently does nothing when audio is blocked. */
export function beep(): void {
  try {
    const c = context();
    if (c?.state !== "running") return;
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
  } catch {
    // A cue is a nicety; never let it break the panel.
  }
}
