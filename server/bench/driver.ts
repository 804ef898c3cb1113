// An order-driver process: holds the placing phones and the staff panels of a share of the
// venues and times their orders (lib/load.ts), so that no timing happens in the runner,
// whose heap (every phase's bookkeeping) made garbage-collection pauses of 34-50 ms that
// counted as latency. Each driver's heap holds only its own sockets and orders.
// Driven over IPC by the runner (lib/drivers.ts); exits when the runner goes away.
import type { Socket } from "socket.io-client";
import { connectMany, type SocketSpec } from "./lib/clients.js";
import { Driver, type Placer, type Schedule } from "./lib/load.js";
import { serve } from "./lib/rpc.js";

export type PlacerSpec = SocketSpec & { index: number; productIds: string[] };

export type DriverRequest =
  | {
      id: number;
      cmd: "connect";
      staff: SocketSpec[];
      placers: PlacerSpec[];
      staffPerOrder: number;
      expectAccepted: boolean;
      readyEvent: string;
      timeoutMs: number;
    }
  | ({ id: number; cmd: "place" } & Schedule)
  | { id: number; cmd: "close" };

let driver: Driver | null = null;
let sockets: Socket[] = [];

async function handle(req: DriverRequest): Promise<unknown> {
  switch (req.cmd) {
    case "connect": {
      const conn = { concurrency: 16, readyEvent: req.readyEvent, timeoutMs: req.timeoutMs };
      const staff = await connectMany(req.staff, conn);
      // connectMany returns sockets in completion order: `prepare` ties each to its spec.
      const specOf = new Map<Socket, PlacerSpec>();
      const placerConn = await connectMany(req.placers, { ...conn, prepare: (s, i) => specOf.set(s, req.placers[i]!) });
      const placers: Placer[] = placerConn.sockets.map((socket) => ({
        socket,
        index: specOf.get(socket)!.index,
        productIds: specOf.get(socket)!.productIds,
      }));
      sockets = [...staff.sockets, ...placerConn.sockets];
      driver = new Driver(placers, staff.sockets, req.staffPerOrder, req.expectAccepted);
      return { failed: staff.failed + placerConn.failed, errors: [...staff.errors, ...placerConn.errors] };
    }
    case "place": {
      if (!driver) throw new Error("place before connect");
      return driver.place(req);
    }
    case "close": {
      for (const s of sockets) s.close();
      sockets = [];
      driver = null;
      return null;
    }
  }
}

serve(handle);
