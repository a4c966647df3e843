// The contract's button helpers: the time in a Discord id, and a button's expiry read from its message.
import { describe, expect, it } from 'vitest';
import { buttonExpired, DISCORD_EPOCH, pressedByOwner, snowflakeTime } from '../src/command.js';
import { DEFAULT_BUTTON_TIMEOUT_MS } from '../src/config.js';
import { snowflakeAt } from './support/pressed.js';

describe('snowflakeTime', () => {
  it('reads the time Discord made an id', () => {
    // Discord's own example: 175928847299117063 was made at 2016-04-30T11:18:25.796Z.
    expect(snowflakeTime('175928847299117063')).toBe(Date.parse('2016-04-30T11:18:25.796Z'));
    expect(snowflakeTime('0')).toBe(DISCORD_EPOCH);
    const now = Date.parse('2026-11-28T18:00:00.123Z');
    expect(snowflakeTime(snowflakeAt(now, 4095))).toBe(now);
  });

  it('is null for what is not a snowflake', () => {
    for (const id of [undefined, null, 1759288472991, '', 'abc', '-1', '1e9', ' 1', '1'.repeat(21), {}])
      expect(snowflakeTime(id), JSON.stringify(id)).toBeNull();
  });
});

describe('buttonExpired', () => {
  const now = Date.parse('2026-11-28T18:00:00Z');
  const pressed = (madeAgo: number, buttonTimeoutMs?: number) =>
    buttonExpired({ now: () => now, buttonTimeoutMs, message: { id: snowflakeAt(now - madeAgo) } });

  it('counts from when the message was made, against the timeout', () => {
    expect(pressed(59_000, 60_000)).toBe(false);
    expect(pressed(60_000, 60_000)).toBe(false);
    expect(pressed(60_001, 60_000)).toBe(true);
    expect(pressed(DEFAULT_BUTTON_TIMEOUT_MS - 1)).toBe(false);
    expect(pressed(DEFAULT_BUTTON_TIMEOUT_MS + 1)).toBe(true);
  });

  it('is true for a press from Discord whose message has no readable id (fail closed), false in the console', () => {
    expect(buttonExpired({ now: () => now })).toBe(true);
    expect(buttonExpired({ now: () => now, message: {} })).toBe(true);
    expect(buttonExpired({ now: () => now, message: { id: 'not-a-snowflake' } })).toBe(true);
    expect(buttonExpired({ now: () => now, local: true })).toBe(false);
    expect(buttonExpired({ now: () => now, local: true, message: {} })).toBe(false);
  });
});

describe('pressedByOwner', () => {
  it('lets only the person the message names press (fail closed when it names nobody); anyone in the console', () => {
    expect(pressedByOwner({ userId: 'a', messageOwnerId: 'a' })).toBe(true);
    expect(pressedByOwner({ userId: 'a', messageOwnerId: 'b' })).toBe(false);
    expect(pressedByOwner({ userId: 'a' })).toBe(false);
    expect(pressedByOwner({ userId: 'a', local: true })).toBe(true);
  });
});
