// The transport-neutral handler's routing and error path, with fake interactions and a fake send (no network).
import {
  type APIInteraction,
  type APIInteractionResponse,
  type APIInteractionResponseCallbackData,
  InteractionResponseType,
  InteractionType,
  ComponentType,
  ApplicationCommandType,
  MessageFlags,
} from 'discord-api-types/v10';
import { describe, expect, it, vi } from 'vitest';
import { sharedContext } from '../../src/command.js';
import type { Library } from '../../src/library/library.js';
import { createInteractionHandler } from '../../src/transport/handler.js';
import { parseCommandLine, toInteraction } from '../../src/transport/parse-command.js';
import { commands, definitions } from '../../commands/index.js';
import { expectValidResponse } from '../support/discord-contract.js';
import { failingStatLibrary, seedLibrary } from '../support/library.js';
import { buttonPress, messageOf } from '../support/pressed.js';
import { logLines } from '../support/log-lines.js';

function capture() {
  return logLines(['MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.secret-token-part']);
}

function interaction(line: string, kind: 'command' | 'autocomplete' = 'command'): APIInteraction {
  return toInteraction(parseCommandLine(line, definitions), kind, 'channel-9');
}

function harness(
  library: Library = seedLibrary(),
  send?: (i: APIInteraction, r: APIInteractionResponse) => Promise<void>,
) {
  const sent: Array<{ interaction: APIInteraction; response: APIInteractionResponse }> = [];
  const { lines, log } = capture();
  const handle = createInteractionHandler(
    () => library,
    send ?? (async (i, response) => void sent.push({ interaction: i, response })),
    log,
    { commands, context: sharedContext({ random: () => 0 }) },
  );
  return { handle, sent, lines };
}

describe('interaction handler', () => {
  it('routes a chat-input command to its command and sends the response to that interaction', async () => {
    const { handle, sent } = harness();
    const raw = interaction('/stat query:homicides');
    await handle(raw);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.interaction.id).toBe(raw.id);
    expectValidResponse(sent[0]!.response);
    expect(JSON.stringify(sent[0]!.response)).toContain('**nearly 2,000** homicides');
  });

  it('routes an autocomplete to the command’s autocomplete', async () => {
    const { handle, sent } = harness();
    await handle(interaction('/section name:sav', 'autocomplete'));
    expect(sent[0]!.response).toEqual({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices: [{ name: 'Saving American Lives', value: 'saving-american-lives' }] },
    });
  });

  it('answers an unknown command privately', async () => {
    const { handle, sent } = harness();
    const raw = interaction('/stat query:x') as APIInteraction & { data: { name: string } };
    raw.data.name = 'gone';
    await handle(raw);
    expectValidResponse(sent[0]!.response);
    expect(JSON.stringify(sent[0]!.response)).toContain('Unknown command');
  });

  it('a command that throws gets an ephemeral "something went wrong", a logged error, and the next one is answered', async () => {
    const broken = failingStatLibrary();
    const { handle, sent, lines } = harness(broken);
    await handle(interaction('/stat query:homicides'));
    expectValidResponse(sent[0]!.response);
    expect(sent[0]!.response).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral, embeds: [{ title: 'Something went wrong' }] },
    });
    const error = lines.find((l) => l.msg === 'command failed')!;
    expect(error.level).toBe(50);
    expect((error.err as { message: string }).message).toBe('index exploded');
    await handle(interaction('/section name:border'));
    expect(JSON.stringify(sent[1]!.response)).toContain('Securing Our Border');
  });

  it('a failed delivery (Discord answers 500) is logged and does not throw', async () => {
    const { handle, lines } = harness(seedLibrary(), async () => {
      throw new Error('500 Internal Server Error');
    });
    await expect(handle(interaction('/quote'))).resolves.toBeUndefined();
    expect(lines.some((l) => l.msg === 'could not deliver the response')).toBe(true);
  });

  it('ignores interaction kinds it does not handle (a modal submit)', async () => {
    const { handle, sent } = harness();
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- tsc needs it; a modal submit on purpose
    await handle({ ...interaction('/quote'), type: InteractionType.ModalSubmit } as unknown as APIInteraction);
    expect(sent).toEqual([]);
  });

  it('answers a button of an unknown command privately', async () => {
    const { handle, sent } = harness();
    await handle({
      ...interaction('/quote'),
      type: InteractionType.MessageComponent,
      data: { custom_id: 'gone:1', component_type: ComponentType.Button },
    });
    expect(sent[0]!.response).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral, embeds: [{ title: 'This button no longer works' }] },
    });
  });

  it('refuses a custom id over Discord’s 100 characters before any command reads it', async () => {
    const search = commands.get('search')!;
    const component = vi.spyOn(search, 'component');
    const { handle, sent, lines } = harness();
    const forged = `search:p:1:::=${'president '.repeat(2_000)}`;
    await handle(buttonPress(forged, messageOf({ embeds: [] })));
    expect(component).not.toHaveBeenCalled();
    component.mockRestore();
    expect(sent[0]!.response).toMatchObject({
      data: { flags: MessageFlags.Ephemeral, embeds: [{ title: 'This request could not be read' }] },
    });
    expect(lines.find((l) => l.msg === 'answered a malformed interaction with a notice')).toMatchObject({
      problem: 'data.custom_id is over 100 characters',
    });
  });

  it('answers an interaction it cannot read with a private notice, and logs the problem without the token', async () => {
    const { handle, sent, lines } = harness();
    const raw = {
      ...interaction('/stat query:wall'),
      data: { name: 'stat', type: ApplicationCommandType.ChatInput, options: { query: 'wall' } },
    };
    await handle(raw);
    expect(sent[0]!.response).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral, embeds: [{ title: 'This request could not be read' }] },
    });
    expectValidResponse(sent[0]!.response);
    const warning = lines.find((l) => l.msg === 'answered a malformed interaction with a notice');
    expect(warning).toMatchObject({ level: 40, interaction: raw.id, problem: 'data.options is not a list' });
    expect(JSON.stringify(lines)).not.toContain(raw.token);
  });

  it('gives an unreadable autocomplete no choices', async () => {
    const { handle, sent } = harness();
    await handle({ ...interaction('/stat query:wa', 'autocomplete'), data: null });
    expect(sent[0]!.response).toEqual({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices: [] },
    });
  });

  it('drops, with a warning, what cannot be answered at all', async () => {
    const { handle, sent, lines } = harness();
    for (const raw of [
      null,
      'x',
      [],
      { ...interaction('/quote'), token: undefined },
      { ...interaction('/quote'), id: 5 },
    ])
      await expect(handle(raw)).resolves.toBeUndefined();
    expect(sent).toEqual([]);
    expect(lines.filter((l) => l.msg === 'dropped a malformed interaction')).toHaveLength(5);
  });

  it('disables the buttons of a reply once their time is up', async () => {
    vi.useFakeTimers();
    try {
      const edits: Array<{ token: string; body: { components: unknown[] } }> = [];
      const sent: APIInteractionResponse[] = [];
      const { log } = capture();
      const handle = createInteractionHandler(
        () => seedLibrary(),
        async (_i, r) => void sent.push(r),
        log,
        {
          commands,
          context: sharedContext({ buttonTimeoutMs: 60_000 }),
          editOriginal: async (i, body) => void edits.push({ token: i.token, body }),
        },
      );
      const raw = interaction('/search query:border');
      await handle(raw);
      expect(JSON.stringify(sent[0])).toContain('"disabled":false');
      await vi.advanceTimersByTimeAsync(59_000);
      expect(edits).toEqual([]);
      await vi.advanceTimersByTimeAsync(2_000);
      expect(edits).toHaveLength(1);
      expect(edits[0]!.token).toBe(raw.token);
      const rows = edits[0]!.body.components as Array<{ components: Array<{ disabled?: boolean; custom_id: string }> }>;
      expect(rows[0]!.components.map((b) => b.disabled)).toEqual([true, true]);
      // Cite buttons name their quote themselves and keep working.
      const cites = rows.flatMap((row) => row.components).filter((b) => b.custom_id.split(':')[1] === 'cite');
      expect(cites.length).toBeGreaterThan(0);
      expect(cites.every((b) => !b.disabled)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a page turned moves the courtesy edit to the message’s own expiry, with the buttons it shows then', async () => {
    vi.useFakeTimers();
    try {
      const edits: Array<{ token: string; body: { components: unknown[] } }> = [];
      const sent: APIInteractionResponse[] = [];
      const handle = createInteractionHandler(
        () => seedLibrary(),
        async (_i, r) => void sent.push(r),
        capture().log,
        {
          commands,
          context: sharedContext({ buttonTimeoutMs: 60_000 }),
          editOriginal: async (i, body) => void edits.push({ token: i.token, body }),
        },
      );
      const raw = interaction('/search query:president');
      const madeAt = Date.now();
      await handle(raw);
      const first = (sent[0] as { data: APIInteractionResponseCallbackData }).data;
      await vi.advanceTimersByTimeAsync(30_000);
      const next = JSON.stringify(first.components).match(/"custom_id":"(search:p:1:[^"]*)"/)![1]!;
      const press = buttonPress(next, messageOf(first, { madeAt, interaction: raw.id }));
      await handle(press);
      expect(JSON.stringify(sent[1])).toContain('Page 2 of');
      await vi.advanceTimersByTimeAsync(29_000);
      expect(edits).toEqual([]);
      await vi.advanceTimersByTimeAsync(2_000);
      await vi.advanceTimersByTimeAsync(60_000);
      // One edit, of the message as it is now (page 2's buttons), not page 1's restored by the first timer.
      expect(edits).toHaveLength(1);
      expect(edits[0]!.token).toBe(press.token);
      expect(JSON.stringify(edits[0]!.body)).toContain('search:p:2:');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('logger', () => {
  it('never writes the token, whether as a field or inside a message', () => {
    const { lines, log } = capture();
    const token = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.secret-token-part';
    log.info({ token, config: { token }, headers: { authorization: `Bot ${token}` } }, `login with ${token}`);
    const text = JSON.stringify(lines);
    expect(text).not.toContain('secret-token-part');
    expect(text).toContain('[redacted]');
  });
});
