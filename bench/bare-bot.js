// The baseline for the end-to-end benchmark: a bare discord.js bot that answers every command with one fixed
// embed. Same client, same transport path (raw INTERACTION_CREATE in, REST callback out), no documents.
// Plain JavaScript, so it runs with plain `node` as the bot itself does (node dist/src/main.js).
import process from 'node:process';
import { Client, GatewayDispatchEvents, GatewayIntentBits, Routes } from 'discord.js';

const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: process.env.DISCORD_API_URL } });
const body = {
  type: 4,
  data: {
    embeds: [{ title: 'Fixed answer', description: 'The same embed every time.', color: 0x2b6cb0 }],
    allowed_mentions: { parse: [] },
  },
};
client.ws.on(GatewayDispatchEvents.InteractionCreate, (interaction) => {
  void client.rest
    .post(Routes.interactionCallback(interaction.id, interaction.token), { body, auth: false })
    .catch(() => {});
});
await client.login(process.env.DISCORD_TOKEN);
process.once('SIGTERM', () => void client.destroy().finally(() => process.exit(0)));
