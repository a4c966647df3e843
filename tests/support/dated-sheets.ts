// Small dated fact sheets for /trend's tests: one statement a sheet, or none dated when the date is null.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** The sheets written as files in a fresh temporary folder, as the bot and the console read them. */
export function sheetsFolder(sheets: Sheet[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'sheets-'));
  sheets.forEach((sheet, n) => writeFileSync(join(dir, `sheet-${n + 1}.md`), datedSheet(sheet, n + 1)));
  return dir;
}

/** Four sheets whose fentanyl seizures make one series of three dated points, and one undated sheet. */
export const SEIZURE_SHEETS: Sheet[] = [
  { date: '2025-01-10', statements: ['Border agents seized 1,200 pounds of fentanyl.'] },
  { date: '2025-03-10', statements: ['Border agents seized more than 2,000 pounds of fentanyl.'] },
  { date: '2025-05-10', statements: ['Border agents seized nearly 2,500 pounds of fentanyl.'] },
  { date: null, statements: ['Border agents seized 900 pounds of fentanyl.'] },
];
