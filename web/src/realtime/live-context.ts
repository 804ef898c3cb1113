import { createContext, useContext } from "react";
import type { Commands } from "./command";
import type { Live } from "./use-live";

/** Provided by each app around its pages (`<LiveContext value={live}>`). */
export const LiveContext = createContext<Live | null>(null);

export function useLive(): Live {
  const live = useContext(LiveContext);
  if (!live) throw new Error("useLive() outside a LiveContext");
  return live;
}

/** Commands for the server; acks that carry an order update the live state by themselves. */
export function useCommands(): Commands {
  return useLive().commands;
}
