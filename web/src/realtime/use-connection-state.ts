import { useEffect, useState } from "react";
import type { AppSocket, ConnectionState } from "./socket";

/** Tracks a socket's connection (and the browser's online flag) as one state for the UI. */
export function useConnectionState(socket: AppSocket | null): ConnectionState {
  const [connected, setConnected] = useState(socket?.connected ?? false);
  const [everConnected, setEverConnected] = useState(false);
  const [online, setOnline] = useState(navigator.onLine);

  useEffect(() => {
    if (!socket) return;
    const up = () => {
      setConnected(true);
      setEverConnected(true);
    };
    const down = () => setConnected(false);
    setConnected(socket.connected);
    socket.on("connect", up);
    socket.on("disconnect", down);
    socket.on("connect_error", down);
    return () => {
      socket.off("connect", up);
      socket.off("disconnect", down);
      socket.off("connect_error", down);
    };
  }, [socket]);

  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener("online", on);
    window.addEventListener("offline", off);
    return () => {
      window.removeEventListener("online", on);
      window.removeEventListener("offline", off);
    };
  }, []);

  if (!online) return "offline";
  if (connected) return "live";
  return everConnected ? "reconnecting" : "connecting";
}
