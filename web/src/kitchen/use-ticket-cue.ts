import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { type AudioState, audioState, beep, onAudioStateChange, unlockAudio } from "../lib/beep";
import { storage } from "../lib/storage";

/** How often the cue repeats while new tickets wait for someone to look. */
export const CUE_REPEAT_MS = 2500;
const SOUND_KEY = "ordered.kitchen.sound";
/**
 * Besides pointerdown and keydown, the events that may unlock the sound. A touch marks the
 * tickets seen as it lands (pointerdown), but the browser counts a finger as the user's
 * activation only when it lifts (pointerup, touchend), while a mouse counts at pointerdown
 * and a key at keydown; resuming at pointerdown alone left a tablet silent after its first
 * tap on "Tap to enable sound". A click also covers a screen reader's activation.
 */
const UNLOCK_EVENTS = ["pointerup", "touchend", "click"] as const;

/**
 * The new-ticket cue: while any of `newIds` has not been seen, the display rings (a beep
 * now and every CUE_REPEAT_MS, if the sound is on) and those tickets flash. A touch or a key
 * anywhere on the screen marks every ticket then on screen as seen. `beeps` counts the beeps
 * that sounded (the display exposes it for tests).
 */
export function useTicketCue(newIds: readonly string[]) {
  const [seen, setSeen] = useState<ReadonlySet<string>>(() => new Set());
  const [soundOn, setSoundOn] = useState(() => storage.get<boolean>(SOUND_KEY) ?? true);
  const [beeps, setBeeps] = useState(0);
  const audio = useAudioState();
  const current = useRef(newIds);
  current.current = newIds;

  useEffect(() => {
    const touched = () => {
      unlockAudio();
      // Seen ids are kept (not pruned to the current ones): a ticket recalled back to New was already seen.
      setSeen((prev) => {
        if (current.current.every((id) => prev.has(id))) return prev;
        return new Set([...prev, ...current.current]);
      });
    };
    window.addEventListener("pointerdown", touched, { capture: true });
    window.addEventListener("keydown", touched, { capture: true });
    for (const type of UNLOCK_EVENTS) window.addEventListener(type, unlockAudio, { capture: true });
    return () => {
      window.removeEventListener("pointerdown", touched, { capture: true });
      window.removeEventListener("keydown", touched, { capture: true });
      for (const type of UNLOCK_EVENTS) window.removeEventListener(type, unlockAudio, { capture: true });
    };
  }, []);

  const unseen = newIds.filter((id) => !seen.has(id));
  const ringing = unseen.length > 0;
  const sounding = ringing && soundOn && audio === "running";

  useEffect(() => {
    if (!sounding) return;
    const ring = () => {
      if (beep()) setBeeps((n) => n + 1);
    };
    ring();
    const timer = setInterval(ring, CUE_REPEAT_MS);
    return () => clearInterval(timer);
  }, [sounding]);

  const toggleSound = () => {
    storage.set(SOUND_KEY, !soundOn);
    setSoundOn(!soundOn);
  };

  return {
    /** New tickets nobody has looked at yet: they flash, and count in the tab's title. */
    unseen: new Set(unseen),
    ringing,
    beeps,
    soundOn,
    toggleSound,
    /** The sound is on but the browser blocks it until someone touches the screen. */
    blocked: soundOn && audio === "suspended",
  };
}

function useAudioState(): AudioState {
  return useSyncExternalStore(onAudioStateChange, audioState);
}
