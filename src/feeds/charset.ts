// Bytes to text by the charset the answer declares: a byte-order mark first (as browsers do), then the
// Content-Type header, then the document's own declaration (<meta charset>, <meta http-equiv>, <?xml encoding>), else UTF-8.

export function decodeBody(body: Uint8Array, contentType: string | null): string {
  const label = bomCharset(body) ?? charsetParam(contentType) ?? declaredInDocument(body) ?? 'utf-8';
  return decoderFor(label).decode(body);
}

function charsetParam(contentType: string | null): string | undefined {
  return /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
}

function bomCharset(body: Uint8Array): string | undefined {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8';
  if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** The declaration in the first 1,024 bytes, read as ASCII (as browsers do). */
function declaredInDocument(body: Uint8Array): string | undefined {
  const head = Buffer.from(body.subarray(0, 1024)).toString('latin1');
  return (
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1] ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head)?.[1]
  );
}

/** A label TextDecoder does not know reads as UTF-8 (with replacement characters), never as an exception. */
function decoderFor(label: string): TextDecoder {
  try {
    return new TextDecoder(label.toLowerCase());
  } catch {
    return new TextDecoder('utf-8');
  }
}
