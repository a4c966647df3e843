// Discord signs every request to an HTTP interactions endpoint with the application's Ed25519 key. The check
// uses node:crypto alone (OpenSSL's Ed25519, no library) and runs on the raw bytes, before the body is parsed:
// an unsigned body is never read as JSON.
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** DER prefix of an SPKI Ed25519 public key: the raw 32-byte key follows it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
/** Discord's requests are fresh; an older one is a replay. */
export const MAX_SIGNATURE_AGE_S = 5 * 60;
/** Clocks drift a little; a timestamp further ahead than this did not come from Discord now. */
export const MAX_CLOCK_SKEW_S = 5;

/** The application's public key (64 hex characters, as the Developer Portal shows it) as a KeyObject. */
export function publicKeyFromHex(hex: string): KeyObject {
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error('an Ed25519 public key is 64 hex characters');
  return createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]),
    format: 'der',
    type: 'spki',
  });
}

export interface SignedRequest {
  signature: string | undefined;
  timestamp: string | undefined;
  body: Buffer;
}

/** Why a request is not Discord's, in a few words for the log; null when the signature holds. */
export function signatureProblem(key: KeyObject, request: SignedRequest, nowMs = Date.now()): string | null {
  const { signature, timestamp, body } = request;
  if (!signature || !timestamp) return 'missing signature headers';
  if (!/^\d{1,12}$/.test(timestamp)) return 'malformed timestamp';
  const age = nowMs / 1000 - Number(timestamp);
  if (age > MAX_SIGNATURE_AGE_S) return 'stale timestamp';
  if (age < -MAX_CLOCK_SKEW_S) return 'timestamp in the future';
  if (!/^[0-9a-f]{128}$/i.test(signature)) return 'malformed signature';
  const signed = Buffer.concat([Buffer.from(timestamp, 'utf8'), body]);
  return verify(null, signed, key, Buffer.from(signature, 'hex')) ? null : 'bad signature';
}
