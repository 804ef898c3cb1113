import { randomUUID } from "node:crypto";
import type { Socket } from "node:net";
import type { Redis } from "ioredis";
import { Server } from "socket.io";
import { closeRedis, createRedis, isReady, type RedisTarget } from "../../src/db/redis.js";
import { createLogger } from "../../src/logger.js";
import { createProducer, fieldOf, stageKeys } from "../../src/pipeline/queues.js";
import { createRoomsAdapter } from "../../src/realtime/adapter.js";
import { eventually, freshPrefix, REDIS_URL } from "../support/harness.js";
import { describe, expect, it } from "../support/kit.js";

// The server's side of the pipeline on its own: where a job goes, checked in Redis itself.

const target: RedisTarget = { kind: "single", url: REDIS_URL };
const log = createLogger("silent");

describe("the pipeline's producer", () => {
  it("sends a job in the same write as the broadcast of its tick, on its own connection when the adapter's is away, and to the outbox when both are", async ({
    resources,
  }) => {
    const prefix = freshPrefix();
    const redis = resources.add(createRedis(target, { maxRetriesPerRequest: null }), closeRedis);
    const producer = createProducer(target, { prefix, attempts: 3, backoffMs: 50 }, log);
    resources.add(producer, (p) => p.close());
    const rooms = createRoomsAdapter(target, prefix);
    const io = new Server({ adapter: rooms.adapter });
    resources.add(io, async () => {
      await io.of("/").adapter.close();
      rooms.pub.disconnect();
      rooms.sub.disconnect();
    });
    await eventually(async () => isReady(rooms.pub) && isReady(rooms.sub), 5000, "the adapter's connections");
    producer.shareConnection(rooms.pub);
    const { stream } = stageKeys(target, prefix, "processing");
    const queued = async () => ((await redis.xrange(stream, "-", "+")) as [string, string[]][]).map(([, f]) => fieldOf(f, "o"));

    // A listener on the adapter's channel sees the broadcast: it was sent, not only queued.
    const listener = resources.add(createRedis(target, { maxRetriesPerRequest: null }), closeRedis);
    const heard: string[] = [];
    listener.on("pmessageBuffer", (_pattern: Buffer, channel: Buffer) => heard.push(channel.toString()));
    await listener.psubscribe(`${prefix}:socket.io#*`);

    const socket = (rooms.pub as Redis).stream as Socket;
    const writes: string[] = [];
    const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
    socket.write = ((...args: unknown[]) => {
      writes.push(String(args[0]));
      return write(...args);
    }) as Socket["write"];

    const first = randomUUID();
    io.to("session-room").emit("order:placed", { id: first });
    producer.enqueue("processing", first);
    await eventually(async () => (await queued()).includes(first) && heard.length === 1, 5000, "the job and the broadcast");
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatch(/publish[\s\S]*xadd/i);

    // The adapter's connection gone: the producer's own takes the job.
    rooms.pub.disconnect();
    const second = randomUUID();
    producer.enqueue("processing", second);
    await eventually(async () => (await queued()).includes(second), 5000, "the job sent on the producer's own connection");

    // Both gone: the outbox keeps it.
    await producer.close();
    const third = randomUUID();
    producer.enqueue("processing", third);
    await eventually(async () => producer.pending === 1, 5000, "the job in the outbox");
    expect(await queued()).toEqual([first, second]);
  });
});
