// The shape check the handler runs before reading an interaction: each catalogued malformed payload is sorted
// the way the end-to-end test expects (answered with a notice or a normal reply, or dropped), and the valid
// payloads every transport builds pass untouched.
import { describe, expect, it } from 'vitest';
import { definitions } from '../../commands/index.js';
import { parseCommandLine, toButtonInteraction, toInteraction } from '../../src/transport/parse-command.js';
import { interactionProblem, isAnswerable, unanswerableProblem } from '../../src/transport/validate.js';
import { DiscordStandIn } from '../support/discord-stand-in.js';
import { MALFORMED_INTERACTIONS, type Payload } from '../support/malformed-interactions.js';

const standIn = new DiscordStandIn({ token: 'unused' });

function validPayload(kind: 2 | 3 | 4): Payload {
  if (kind === 3)
    return standIn.interactionPayload(
      3,
      { custom_id: 'search:x:1', component_type: 2 },
      undefined,
      standIn.botMessage(),
    );
  return standIn.interactionPayload(kind, {
    id: '940000000000000000',
    name: 'stat',
    type: 1,
    options: [{ name: 'query', type: 3, value: 'wall', ...(kind === 4 ? { focused: true } : {}) }],
  });
}

describe('interaction validation', () => {
  it('passes what Discord and the console send', () => {
    for (const kind of [2, 3, 4] as const) {
      const payload = validPayload(kind);
      expect(isAnswerable(payload)).toBe(true);
      if (isAnswerable(payload)) expect(interactionProblem(payload)).toBeNull();
    }
    const line = parseCommandLine('/search query:border preview:true', definitions);
    for (const payload of [
      toInteraction(line, 'command'),
      toInteraction(line, 'autocomplete'),
      toButtonInteraction('search:x:1'),
    ])
      expect(isAnswerable(payload) && interactionProblem(payload)).toBeNull();
  });

  it.each(MALFORMED_INTERACTIONS.map((m) => [m.label, m] as const))('%s', (_label, malformed) => {
    const payload = malformed.spoil(validPayload(malformed.kind));
    if (malformed.outcome === 'dropped') {
      expect(isAnswerable(payload)).toBe(false);
      expect(unanswerableProblem(payload)).toMatch(/\w/);
    } else {
      expect(isAnswerable(payload)).toBe(true);
    }
  });

  it('refuses options nested past a subcommand group, or more than 25 of them', () => {
    const deep = {
      name: 'a',
      type: 2,
      options: [
        { name: 'b', type: 1, options: [{ name: 'c', type: 1, options: [{ name: 'd', type: 3, value: 'x' }] }] },
      ],
    };
    const many = Array.from({ length: 26 }, (_, i) => ({ name: `o${i}`, type: 3, value: 'x' }));
    for (const options of [[deep], many]) {
      const payload = { ...validPayload(2), data: { name: 'stat', type: 1, options } };
      expect(isAnswerable(payload) && interactionProblem(payload)).toMatch(/deeply|more than 25/);
    }
  });
});
