/**
 * Puts session events back in order. The server numbers each session's events 1, 2, 3…
 * without gaps, but around a reconnect (live emits racing the replay) they may arrive late,
 * twice, or ahead of a missing one. Per session we apply strictly in order: anything at or
 * below the last applied number is a duplicate, anything beyond the next one waits until
 * the gap is filled.
 *
 * Pure bookkeeping, no React and no sockets, so it is easy to reason about.
 */
export interface Sequenced {
  sessionId: string;
  seq: number;
}

export class EventStream<E extends Sequenced> {
  private readonly applied = new Map<string, number>();
  private readonly held = new Map<string, Map<number, E>>();

  /** The last applied number per session: the `cursors` / `lastSeq` for the next handshake. */
  cursors(): Record<string, number> {
    return Object.fromEntries(this.applied);
  }

  cursor(sessionId: string): number {
    return this.applied.get(sessionId) ?? 0;
  }

  /**
   * A snapshot (REST) already reflects everything up to `seq`: move the cursor there if it
   * is ahead, then release whatever was waiting right after it.
   */
  seed(sessionId: string, seq: number): E[] {
    if (seq > this.cursor(sessionId)) this.applied.set(sessionId, seq);
    return this.drain(sessionId);
  }

  /** Takes one event; returns the events that may now be applied, in order (often none). */
  push(event: E): E[] {
    const last = this.cursor(event.sessionId);
    if (event.seq <= last) return [];
    let waiting = this.held.get(event.sessionId);
    if (!waiting) {
      waiting = new Map();
      this.held.set(event.sessionId, waiting);
    }
    waiting.set(event.seq, event);
    return this.drain(event.sessionId);
  }

  /** Sessions with events held back behind a gap. */
  hasGap(): boolean {
    for (const waiting of this.held.values()) if (waiting.size > 0) return true;
    return false;
  }

  private drain(sessionId: string): E[] {
    const waiting = this.held.get(sessionId);
    if (!waiting) return [];
    let last = this.cursor(sessionId);
    for (const seq of waiting.keys()) if (seq <= last) waiting.delete(seq);
    const ready: E[] = [];
    for (let next = waiting.get(last + 1); next; next = waiting.get(last + 1)) {
      waiting.delete(last + 1);
      ready.push(next);
      last += 1;
    }
    if (ready.length) this.applied.set(sessionId, last);
    if (waiting.size === 0) this.held.delete(sessionId);
    return ready;
  }
}
