// Small dated fact sheets for /trend's tests: one statement a sheet, or none dated when the date is null.
import type { Library } from '../../src/library/library.js';
import { libraryOf } from './library.js';

export interface Sheet {
  date: string | null;
  statements: string[];
}

export function datedSheet({ date, statements }: Sheet, n: number): string {
  const front = date ? `---\ndate: '${date}'\ntitle: 'Fact Sheet ${n}'\n---\n\n` : `# Fact Sheet ${n}\n\n`;
  return `${front}**BORDER AND JOBS:** Today the President acted.\n\n${statements.join('\n\n')}\n`;
}

export function sheetsLibrary(sheets: Sheet[]): Library {
  return libraryOf(Object.fromEntries(sheets.map((sheet, n) => [`sheet-${n + 1}.md`, datedSheet(sheet, n + 1)])));
}
