// The log format: JSON lines by default, readable lines with LOG_FORMAT=pretty, the token hidden in both.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, logDestination } from '../src/log.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.secret-token-part';

async function written(format: 'json' | 'pretty'): Promise<string> {
  const sink = new PassThrough();
  let text = '';
  sink.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const log = createLogger('info', await logDestination(format, sink), [TOKEN]);
  log.info({ documents: 1, token: TOKEN }, `documents loaded with ${TOKEN}`);
  await new Promise((resolve) => setImmediate(resolve));
  return text;
}

describe('log format', () => {
  it('is one JSON object a line by default', async () => {
    const line = JSON.parse((await written('json')).trim());
    expect(line).toMatchObject({ level: 30, msg: 'documents loaded with [redacted]', documents: 1 });
  });

  it('LOG_FORMAT=pretty writes a readable line, still without the token', async () => {
    const text = await written('pretty');
    expect(text).toMatch(/INFO.*documents loaded with \[redacted\]/);
    expect(text).toContain('documents: 1');
    expect(() => JSON.parse(text)).toThrow();
    expect(text).not.toContain('secret-token-part');
  });
});
