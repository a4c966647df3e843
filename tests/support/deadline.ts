/**
 * How long a test waits for an event (a log line, a callback, a child's exit) before it fails. Generous on
 * purpose: a busy 2-core machine makes a test slower, and must never make it fail; a test that passes waits only
 * as long as the event takes.
 */
export const EVENT_DEADLINE_MS = 90_000;
