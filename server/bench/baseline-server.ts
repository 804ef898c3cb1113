// The baseline: a bare Socket.IO server on the same Redis adapter as Ordered (classic
// pub/sub, same options), with no database, no auth, no validation and no queue. A
// customer's `order:place` is relayed as `order:placed` to its session room and its
// location's staff room (the same rooms Ordered emits to), but not back to the placer, whose
// ack carries the event's number (as Ordered does). Two of these run side
// by side, like Ordered's two instances. For the capacity phase, `PUT /products/<id>/availability`
// with {locationId, available} answers, then broadcasts product:updated to the venue's staff and
// customers, like Ordered's staff request does. Env: PORT, HOST, REDIS_URL, REDIS_PREFIX, and
// MAX_MESSAGE_BYTES (the runner passes the server's own limit). Room names are the server's
// (realtime/rooms.ts, which has no imports: this process stays bare).
import { createServer } from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { createAdapter } from "@socket.io/redis-adapter";
import { Redis } from "ioredis";
import { Server } from "socket.io";
import { rooms } from "../dist/realtime/rooms.js";

const port = Number(process.env.PORT ?? 0);
const host = process.env.HOST ?? "127.0.0.1";
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const prefix = process.env.REDIS_PREFIX ?? "bench";
const maxMessageBytes = Number(process.env.MAX_MESSAGE_BYTES);
if (!Number.isInteger(maxMessageBytes) || maxMessageBytes <= 0)
  throw new Error("MAX_MESSAGE_BYTES (the server's socket message limit) is required");

// Same resolution as prom-client's default in Ordered's /metrics (10 ms), reset on each read.
const eventLoop = monitorEventLoopDelay({ resolution: 10 });
eventLoop.enable();

const httpServer = createServer((req, res) => {
  if (req.url === "/stats") {
    const body = JSON.stringify({ eventLoopP99Ms: eventLoop.percentile(99) / 1e6, eventLoopMaxMs: eventLoop.max / 1e6 });
    eventLoop.reset();
    res.writeHead(200, { "content-type": "application/json" }).end(body);
    return;
  }
  const toggle = /^\/products\/([^/]+)\/availability$/.exec(req.url ?? "");
  if (req.method === "PUT" && toggle) {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk));
    req.on("end", () => {
      const { locationId, available } = JSON.parse(body) as { locationId: string; available: boolean };
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ product: { id: toggle[1], available } }));
      io.to([rooms.audience(locationId, "floor.serve"), rooms.locationCustomers(locationId)]).emit("product:updated", {
        id: toggle[1],
        available,
      });
    });
    return;
  }
  res.writeHead(404).end();
});

const pub = new Redis(redisUrl, { maxRetriesPerRequest: null });
const sub = pub.duplicate();
const io = new Server(httpServer, {
  adapter: createAdapter(pub, sub, { key: `${prefix}:socket.io` }),
  transports: ["websocket", "polling"],
  maxHttpBufferSize: maxMessageBytes,
  // As in realtime/io.ts, which does not export them.
  pingInterval: 20_000,
  pingTimeout: 20_000,
});

let seq = 0;
io.on("connection", (socket) => {
  const { role, locationId, sessionId } = socket.handshake.auth as { role: string; locationId: string; sessionId?: string };
  if (role === "staff") socket.join(rooms.audience(locationId, "floor.serve"));
  else socket.join([rooms.session(sessionId!), rooms.locationCustomers(locationId)]);
  socket.emit("ready");
  socket.on("order:place", (payload: { clientOrderId: string }, ack?: (r: unknown) => void) => {
    const envelope = { sessionId, seq: ++seq, at: new Date().toISOString(), data: payload };
    // Like Ordered: everyone but the placer, who has the event in its ack.
    io.to([rooms.session(sessionId!), rooms.audience(locationId, "floor.serve")])
      .except(socket.id)
      .emit("order:placed", envelope);
    ack?.({ data: { order: payload, placed: { seq: envelope.seq, at: envelope.at } } });
  });
});

httpServer.listen(port, host);
const shutdown = () => {
  io.close(() => {
    void Promise.allSettled([pub.quit(), sub.quit()]).then(() => process.exit(0));
  });
  setTimeout(() => process.exit(0), 3000).unref();
};
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
