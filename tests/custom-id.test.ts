// The one codec of button ids: what it writes it reads back, within Discord's 100 characters, and it refuses
// anything else.
import { describe, expect, it } from 'vitest';
import {
  decodeCustomId,
  documentByKey,
  documentKey,
  encodeCustomId,
  MAX_CUSTOM_ID,
  type ButtonId,
} from '../src/custom-id.js';

const examples: ButtonId[] = [
  {
    kind: 'page',
    command: 'search',
    action: 'preview',
    page: 2,
    document: documentKey({ id: 'border-security' }),
    range: { from: '2025-01-01', to: null },
    query: { text: 'wall: "border crisis"' },
  },
  { kind: 'page', command: 'stat', action: 'page', page: -1, document: null, range: null, query: { check: 'abc12' } },
  { kind: 'cite', command: 'quote', documentId: 'border-security', span: [120, 245], check: '1x9zq' },
  { kind: 'section', command: 'section', action: 'show', documentId: 'border-security', section: 3, more: 1 },
  { kind: 'post', command: 'Check against documents' },
];

describe('custom ids', () => {
  it.each(examples.map((id) => [id.kind, id]))('reads back the %s button it writes', (_kind, id) => {
    const encoded = encodeCustomId(id);
    expect(encoded).not.toBeNull();
    expect(decodeCustomId(encoded!)).toEqual(id);
  });

  it('keeps the ids of Cite and section buttons already posted readable', () => {
    expect(decodeCustomId('stat:cite:border-security-and-immigration:jk:mp:1b2c3d')).toMatchObject({ kind: 'cite' });
    expect(decodeCustomId('section:page:border-security-and-immigration:2:1')).toMatchObject({ kind: 'section' });
    expect(decodeCustomId('check:post')).toEqual({ kind: 'post', command: 'check' });
  });

  it('writes nothing over 100 characters', () => {
    const long = { ...examples[0]!, query: { text: 'x'.repeat(MAX_CUSTOM_ID) } } as ButtonId;
    expect(encodeCustomId(long)).toBeNull();
    expect(encodeCustomId({ kind: 'post', command: 'a:b' })).toBeNull();
  });

  it.each([
    '',
    ':p:1:::=wall',
    'search',
    'search:unknown:1',
    'search:x:1:::=wall',
    'search:p:NaN:::=wall',
    'search:p:1000:::=wall',
    'search:p:1:::',
    'search:p:1:::wall',
    'search:p:1:0.zzzz::=wall',
    'search:p:1:ZZ::=wall',
    'search:p:1::2025~bad:=wall',
    'search:p:1::~:=wall',
    'search:p:1:::#zz-z',
    'stat:cite:Bad Id:1:2:abc',
    'stat:cite:doc:1:2:abc:extra',
    'stat:cite:doc:-1:2:abc',
    'section:page:doc:x:1',
    'section:show:doc:1:1:extra',
    'check:post:extra',
    `search:p:1:::=${'x'.repeat(MAX_CUSTOM_ID)}`,
  ])('refuses the malformed id %j', (customId) => {
    expect(decodeCustomId(customId)).toBeNull();
  });

  it('names a document by a key of its stable id, whatever its place; two documents sharing a key name none', () => {
    const documents = [{ id: 'airport' }, { id: 'harbor' }, { id: 'valley' }];
    expect(documentByKey(documents, documentKey({ id: 'valley' }))).toBe(documents[2]);
    expect(documentByKey([...documents].reverse(), documentKey({ id: 'valley' }))).toBe(documents[2]);
    expect(documentByKey(documents, documentKey({ id: 'gone' }))).toBeNull();
    expect(documentByKey([{ id: 'same' }, { id: 'same' }], documentKey({ id: 'same' }))).toBeNull();
  });
});
