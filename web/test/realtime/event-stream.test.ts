import { describe, expect, test } from "vitest";
import { EventStream } from "../../src/realtime/event-stream";

const e = (seq: number, sessionId = "a") => ({ sessionId, seq });
const seqs = (events: { seq: number }[]) => events.map((x) => x.seq);

describe("EventStream", () => {
  test("applies events that arrive in order, one by one", () => {
    const stream = new EventStream();
    expect(seqs(stream.push(e(1)))).toEqual([1]);
    expect(seqs(stream.push(e(2)))).toEqual([2]);
    expect(stream.cursor("a")).toBe(2);
    expect(stream.hasGap()).toBe(false);
  });

  test("holds events behind a gap and releases them in order once it fills", () => {
    const stream = new EventStream();
    stream.push(e(1));
    expect(stream.push(e(4))).toEqual([]);
    expect(stream.push(e(3))).toEqual([]);
    expect(stream.hasGap()).toBe(true);
    expect(stream.cursor("a")).toBe(1);
    expect(seqs(stream.push(e(2)))).toEqual([2, 3, 4]);
    expect(stream.hasGap()).toBe(false);
    expect(stream.cursor("a")).toBe(4);
  });

  test("ignores duplicates, applied or still held", () => {
    const stream = new EventStream();
    stream.push(e(1));
    expect(stream.push(e(1))).toEqual([]);
    stream.push(e(3));
    expect(stream.push(e(3))).toEqual([]);
    expect(seqs(stream.push(e(2)))).toEqual([2, 3]);
    expect(stream.push(e(2))).toEqual([]);
  });

  test("a replay after a reconnect that overlaps live events applies each number once", () => {
    const stream = new EventStream();
    for (const n of [1, 2, 3]) stream.push(e(n));
    // Reconnected with cursor 3: a live 6 races the replay of 4, 5, 6.
    const applied = [...stream.push(e(6)), ...stream.push(e(4)), ...stream.push(e(5)), ...stream.push(e(6)), ...stream.push(e(5))];
    expect(seqs(applied)).toEqual([4, 5, 6]);
    expect(stream.hasGap()).toBe(false);
  });

  test("a snapshot ahead of the events moves the cursor, drops what it covers and releases what follows", () => {
    const stream = new EventStream();
    stream.push(e(1));
    stream.push(e(3));
    stream.push(e(5));
    expect(seqs(stream.seed("a", 4))).toEqual([5]);
    expect(stream.cursor("a")).toBe(5);
    expect(stream.hasGap()).toBe(false);
    expect(stream.push(e(3))).toEqual([]);
  });

  test("a snapshot behind the events changes nothing", () => {
    const stream = new EventStream();
    for (const n of [1, 2, 3]) stream.push(e(n));
    expect(stream.seed("a", 2)).toEqual([]);
    expect(stream.cursor("a")).toBe(3);
    expect(seqs(stream.push(e(4)))).toEqual([4]);
  });

  test("a seeded session starts after its snapshot; an unseeded one replays from 1", () => {
    const stream = new EventStream();
    stream.seed("a", 7);
    expect(stream.push(e(7))).toEqual([]);
    expect(seqs(stream.push(e(8)))).toEqual([8]);
    expect(stream.push(e(2, "b"))).toEqual([]);
    expect(seqs(stream.push(e(1, "b")))).toEqual([1, 2]);
  });

  test("sessions are independent: a gap in one does not hold back another", () => {
    const stream = new EventStream();
    stream.push(e(2, "a"));
    expect(seqs(stream.push(e(1, "b")))).toEqual([1]);
    expect(stream.hasGap()).toBe(true);
    expect(stream.cursors()).toEqual({ b: 1 });
    stream.push(e(1, "a"));
    expect(stream.cursors()).toEqual({ a: 2, b: 1 });
  });
});
