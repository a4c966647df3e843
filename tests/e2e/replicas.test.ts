// Three HTTP replicas of the real bot sharing one Redis, as behind a load balancer: signed interactions sent to
// them in turn, /quote never repeating in a row in a channel whichever replica answers, and one replica killed
// mid-run while the others keep answering, with no interaction left unanswered. A /search answered by one
// replica is paged on another: its button and message carry everything.
import { ApplicationCommandOptionType, InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpReplica, type BotProcess } from '../support/bot-process.js';
import { expectValidResponse } from '../support/discord-contract.js';
import { startStandIn, type DiscordStandIn } from '../support/discord-stand-in.js';
import { findRedisServer, REDIS_MISSING, startRedis, type RedisServer } from '../support/redis-server.js';
import { postSigned, signingKey, type Posted } from '../support/signed.js';

const redisBinary = findRedisServer();
const key = signingKey();

interface Replica {
  bot: BotProcess;
  url: string;
}

describe.skipIf(!redisBinary)(
  `three HTTP replicas, one Redis${redisBinary ? '' : ` (skipped: ${REDIS_MISSING})`}`,
  () => {
    let redis: RedisServer;
    let standIn: DiscordStandIn;
    const replicas: Replica[] = [];

    beforeAll(async () => {
      redis = await startRedis(redisBinary!);
      standIn = await startStandIn({ token: 'unused' });
      for (let i = 0; i < 3; i++) {
        replicas.push(
          await startHttpReplica(standIn.apiUrl, key.publicKeyHex, { REDIS_URL: redis.url, LOG_LEVEL: 'info' }),
        );
      }
      await Promise.all(
        replicas.map((r) => r.bot.waitForLog((l) => l.msg === 'serving interactions on POST /interactions', 40_000)),
      );
    }, 60_000);

    afterAll(async () => {
      await Promise.all(replicas.map((r) => r.bot.stop('SIGKILL')));
      await standIn?.stop();
      await redis?.stop();
    });

    function quotePayload() {
      return standIn.interactionPayload(2, {
        id: '940000000000000000',
        name: 'quote',
        type: 1,
        // A section of a few statements: a random pick would often repeat the last one.
        options: [{ name: 'section', type: ApplicationCommandOptionType.String, value: 'saving-american-lives' }],
      });
    }

    /** As a load balancer does: the next replica in turn, and on a refused connection the one after it. */
    async function sendRoundRobin(turn: number, payload: unknown): Promise<{ answered: Posted; by: number }> {
      for (let attempt = 0; attempt < replicas.length; attempt++) {
        const index = (turn + attempt) % replicas.length;
        try {
          return { answered: await postSigned(replicas[index]!.url, key, payload), by: index };
        } catch {
          // Refused: that replica is gone; try the next.
        }
      }
      throw new Error('no replica answered');
    }

    it('pages a /search on another replica than the one that answered it, and refuses another user there', async () => {
      type Data = { embeds: Array<{ title: string; footer: { text: string } }>; components: unknown[] };
      const buttonsOf = (data: Data) =>
        (data.components as Array<{ components: Array<{ label: string; custom_id: string }> }>).flatMap(
          (row) => row.components,
        );
      // A short query travels in the button; a long one is read back from the message's title.
      for (const query of ['president', 'president '.repeat(11).trim()]) {
        const command = standIn.interactionPayload(2, {
          id: '940000000000000002',
          name: 'search',
          type: 1,
          options: [{ name: 'query', type: ApplicationCommandOptionType.String, value: query }],
        });
        const asked = await postSigned(replicas[0]!.url, key, command);
        expect(asked.status).toBe(200);
        const first = (asked.body as { data: Data }).data;
        const next = buttonsOf(first).find((b) => b.label === 'Next')!;
        // The message Discord keeps for that answer (made now, by the reader) is what a press carries.
        const message = standIn.messageFrom(command, first);
        const paged = await postSigned(replicas[2]!.url, key, standIn.buttonPayload(next.custom_id, message));
        expect(paged.status).toBe(200);
        expectValidResponse(paged.body);
        const page = paged.body as { type: number; data: Data };
        expect(page.type).toBe(InteractionResponseType.UpdateMessage);
        expect(page.data.embeds[0]!.title).toBe(first.embeds[0]!.title);
        expect(page.data.embeds[0]!.footer.text).toMatch(/^Page 2 of/);
        const stranger = standIn.buttonPayload(next.custom_id, message, '930000000000000999');
        expect((await postSigned(replicas[2]!.url, key, stranger)).body).toMatchObject({
          type: InteractionResponseType.ChannelMessageWithSource,
          data: { flags: MessageFlags.Ephemeral, embeds: [{ title: 'Not your search' }] },
        });
      }
      expect(standIn.violations).toEqual([]);
    });

    it('answers every interaction, never repeats /quote in a row, and survives losing a replica', async () => {
      const excerpts: string[] = [];
      const answeredBy: number[] = [];
      for (let turn = 0; turn < 36; turn++) {
        if (turn === 12) await replicas[1]!.bot.stop('SIGKILL');
        const { answered, by } = await sendRoundRobin(turn, quotePayload());
        expect(answered.status).toBe(200);
        expectValidResponse(answered.body);
        excerpts.push(
          (answered.body as { data: { embeds: Array<{ description: string }> } }).data.embeds[0]!.description,
        );
        answeredBy.push(by);
      }
      expect(excerpts).toHaveLength(36);
      for (let i = 1; i < excerpts.length; i++) expect(excerpts[i], `turn ${i}`).not.toBe(excerpts[i - 1]);
      expect(new Set(answeredBy.slice(0, 12))).toEqual(new Set([0, 1, 2]));
      expect(answeredBy.slice(12)).not.toContain(1);
      expect(new Set(answeredBy.slice(12))).toEqual(new Set([0, 2]));
      expect(standIn.violations).toEqual([]);
    });
  },
);
