// Signs interaction requests as Discord does (Ed25519 over timestamp + body) with a key pair made for the test,
// and posts them to an HTTP interactions endpoint on 127.0.0.1.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

export interface SigningKey {
  /** The raw public key as the Developer Portal shows it: 64 hex characters (DISCORD_PUBLIC_KEY). */
  publicKeyHex: string;
  privateKey: KeyObject;
}

export function signingKey(): SigningKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  // The DER SPKI form is a 12-byte prefix and the raw 32-byte key.
  const publicKeyHex = publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('hex');
  return { publicKeyHex, privateKey };
}

export function signatureHeaders(key: SigningKey, body: string | Buffer, timestampS = Math.floor(Date.now() / 1000)) {
  const timestamp = String(timestampS);
  const signature = sign(null, Buffer.concat([Buffer.from(timestamp), Buffer.from(body)]), key.privateKey);
  return { 'x-signature-ed25519': signature.toString('hex'), 'x-signature-timestamp': timestamp };
}

export interface Posted {
  status: number;
  body: unknown;
}

/** POSTs `body` with the given headers; the response's JSON, or its text. */
export async function post(url: string, body: string, headers: Record<string, string>): Promise<Posted> {
  const response = await fetch(url, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: kept as text.
  }
  return { status: response.status, body: parsed };
}

/** Signs and POSTs one interaction payload. */
export function postSigned(url: string, key: SigningKey, payload: unknown): Promise<Posted> {
  const body = JSON.stringify(payload);
  return post(url, body, signatureHeaders(key, body));
}
