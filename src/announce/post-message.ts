// Posts a message to a channel through Discord's REST API with the bot token (POST /channels/{id}/messages),
// the same with the gateway or INTERACTIONS=http. The answer is reduced to what the sender acts on: sent, or
// Discord's error code (or the HTTP status when it gave none). A nonce Discord enforces makes a post repeated
// within minutes (a replica that died after posting, before marking it sent) return the first message instead
// of a second one.
import { createHash } from 'node:crypto';
import type { MessageBody } from '../render/announcement.js';

export type PostResult = { ok: true } | { ok: false; error: number; message: string };
export type PostMessage = (channelId: string, body: MessageBody, nonce: string) => Promise<PostResult>;

const TIMEOUT_MS = 10_000;

/** A nonce of Discord's 25 characters at most, the same for the same announcement on every replica. */
export function nonceOf(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 25);
}

/** `api`: Discord's REST base ("https://discord.com/api", or DISCORD_API_URL's). */
export function restPoster(api: string, token: string): PostMessage {
  return async (channelId, body, nonce) => {
    try {
      const response = await fetch(`${api}/v10/channels/${encodeURIComponent(channelId)}/messages`, {
        method: 'POST',
        headers: { authorization: `Bot ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ ...body, nonce, enforce_nonce: true }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (response.ok) return { ok: true };
      const payload = (await response.json().catch(() => ({}))) as { code?: unknown; message?: unknown };
      const code = typeof payload.code === 'number' && payload.code !== 0 ? payload.code : response.status;
      return {
        ok: false,
        error: code,
        message: typeof payload.message === 'string' ? payload.message : response.statusText,
      };
    } catch (error) {
      return { ok: false, error: 0, message: error instanceof Error ? error.message : String(error) };
    }
  };
}
