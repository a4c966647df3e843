import { describe, expect, it } from 'vitest';
import { commands, definitions } from '../commands/index.js';
import { sharedContext } from '../src/command.js';
import { respond } from '../src/respond.js';
import { parseCommandLine, toInteraction } from '../src/transport/parse-command.js';
import { libraryOf, seedLibrary } from './support/library.js';

const ask = (line: string) => toInteraction(parseCommandLine(line, definitions), 'command');

describe('respond', () => {
  it('reuses the reply of a pure command asked the same thing of the same library', () => {
    const library = seedLibrary();
    const context = sharedContext();
    const first = respond(library, ask('/stat query:homicides'), context, commands);
    expect(respond(library, ask('/stat query:homicides'), context, commands)).toBe(first);
    expect(respond(library, ask('/stat query:homicides private:true'), context, commands)).not.toBe(first);
    expect(respond(library, ask('/stat query:wall'), context, commands)).not.toBe(first);
  });

  it('never serves a reply from an older library (after a reload)', () => {
    const context = sharedContext();
    const before = libraryOf({ 'parks.txt': 'PARKS: The city opened 12 parks.\n' });
    const after = libraryOf({ 'parks.txt': 'PARKS: The city opened 15 parks.\n' });
    expect(JSON.stringify(respond(before, ask('/stat query:parks'), context, commands))).toContain('**12**');
    expect(JSON.stringify(respond(after, ask('/stat query:parks'), context, commands))).toContain('**15**');
  });

  it('does not reuse replies of commands that pick at random or keep state', () => {
    const library = seedLibrary();
    const context = sharedContext();
    expect(respond(library, ask('/quote'), context, commands)).not.toBe(
      respond(library, ask('/quote'), context, commands),
    );
    expect(respond(library, ask('/search query:border'), context, commands)).not.toBe(
      respond(library, ask('/search query:border'), context, commands),
    );
  });
});
