// What the gateway transport reports without a connection: the route a rate limit is counted under.
import { describe, expect, it } from 'vitest';
import { routeOf } from '../../src/transport/gateway.js';

describe('routeOf', () => {
  it('keeps the shape of a REST route and drops ids and tokens, so metric labels stay few and secret-free', () => {
    const token = `aW50ZXJhY3Rpb246${'x'.repeat(40)}`;
    expect(routeOf(`http://127.0.0.1:9/api/v10/interactions/1576275405592069097/${token}/callback`)).toBe(
      '/interactions/:id/:token/callback',
    );
    expect(routeOf(`https://discord.com/api/v10/webhooks/900000000000000000/${token}/messages/@original`)).toBe(
      '/webhooks/:id/:token/messages/@original',
    );
    expect(
      routeOf('https://discord.com/api/v10/applications/900000000000000000/guilds/910000000000000000/commands'),
    ).toBe('/applications/:id/guilds/:id/commands');
  });
});
