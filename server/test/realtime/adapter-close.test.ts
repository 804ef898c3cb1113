import { Server } from "socket.io";
import { redisTarget } from "../../src/db/redis.js";
import { createRoomsAdapter } from "../../src/realtime/adapter.js";
import { freshPrefix, REDIS_URL } from "../support/harness.js";
import { describe, expect, it } from "../support/kit.js";

/** Runs `fn`, then checks that nothing it left behind rejected unhandled (within 200 ms). */
async function expectNoUnhandledRejection(fn: () => Promise<void>) {
  const unhandled: unknown[] = [];
  const record = (reason: unknown) => unhandled.push(reason);
  process.on("unhandledRejection", record);
  try {
    await fn();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(unhandled).toEqual([]);
  } finally {
    process.off("unhandledRejection", record);
  }
}

describe("the Socket.IO adapter's connections", () => {
  it("close while the adapter's last commands are still pending without an unhandled rejection", async () => {
    await expectNoUnhandledRejection(async () => {
      const rooms = createRoomsAdapter(redisTarget(REDIS_URL, undefined), freshPrefix());
      const io = new Server({ adapter: rooms.adapter });
      // Closing the adapter (io.close() does it too) unsubscribes without awaiting; the
      // connection, closed at once (as closeRedis does when QUIT takes too long), fails those commands.
      await io.of("/").adapter.close();
      rooms.sub.disconnect();
      rooms.pub.disconnect();
    });
  });

  it("close while a broadcast waits in the publishing connection's auto-pipeline without an unhandled rejection", async () => {
    await expectNoUnhandledRejection(async () => {
      const rooms = createRoomsAdapter(redisTarget(REDIS_URL, undefined), freshPrefix());
      const io = new Server({ adapter: rooms.adapter });
      await new Promise((resolve) => rooms.pub.once("ready", resolve));
      // The adapter PUBLISHes without awaiting; auto-pipelining sends it on the next turn of
      // the loop, by which time the connection is gone.
      io.to("some-room").emit("hello", 1);
      rooms.pub.disconnect();
      await io.of("/").adapter.close();
      rooms.sub.disconnect();
    });
  });
});
