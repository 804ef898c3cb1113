import { invalidStaff } from "../auth/staff-account.js";
import type { AppDeps } from "../deps.js";
import type { AppServer } from "./io.js";

/**
 * Staff sockets stay open for hours and receive every order of their location. Every
 * command re-checks the account, but a socket that only listens would keep receiving after
 * its account was deactivated: so every `intervalMs` this instance checks the accounts of
 * its open staff sockets (one query) and closes those no longer valid, telling the client
 * why (`protocol:error` UNAUTHENTICATED; the web app then logs out).
 */
export function startStaffRecheck(io: AppServer, deps: Pick<AppDeps, "prisma" | "log">, intervalMs: number): { stop(): void } {
  let running = false;
  const check = async () => {
    if (running) return;
    running = true;
    try {
      const sockets = [...io.of("/").sockets.values()].filter((s) => s.data.principal?.kind === "staff");
      const principals = sockets.map((s) => s.data.principal).filter((p) => p.kind === "staff");
      const invalid = await invalidStaff(deps.prisma, principals);
      for (const socket of sockets) {
        const { principal } = socket.data;
        const why = principal.kind === "staff" ? invalid.get(principal) : undefined;
        if (!why) continue;
        // Deactivated, deleted, or its tokens ended (role, password): the words a request would get.
        socket.emit("protocol:error", { code: "UNAUTHENTICATED", message: why });
        socket.disconnect(true);
      }
    } catch (err) {
      deps.log.warn({ err }, "staff recheck failed; will retry");
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void check(), intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
