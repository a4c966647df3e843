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
function decoderFor(label: string): { decode(body: Uint8Array): string } {
  try {
    const decoder = new TextDecoder(label.toLowerCase());
    return decoder.encoding === 'windows-1252' ? { decode: decodeWindows1252 } : decoder;
  } catch {
    return new TextDecoder('utf-8');
  }
}

// Node 20's TextDecoder reads windows-1252 (and the labels the Encoding Standard maps to it: latin1,
// iso-8859-1, ascii) as ISO-8859-1, turning curly quotes and dashes into control characters.
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(body: Uint8Array): string {
  let text = '';
  for (let start = 0; start < body.length; start += 8192) {
    const bytes = [...body.subarray(start, start + 8192)];
    text += String.fromCharCode(
      ...bytes.map((b) => (b >= 0x80 && b <= 0x9f ? WINDOWS_1252_HIGH.charCodeAt(b - 0x80) : b)),
    );
  }
  return text;
}
