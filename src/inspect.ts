// npm run inspect -- FILE [--json]: shows how a document parses, for people adding their own.
import { documentReport, documentSummary } from './document/summary.js';
import { dateWarning } from './library/dates.js';
import { DocumentError, readDocument } from './library/read.js';

const USAGE = 'usage: npm run inspect -- FILE [--json]';

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const files = argv.filter((a) => a !== '--json');
  const unknown = files.find((a) => a.startsWith('--'));
  if (unknown || files.length !== 1) {
    process.stderr.write(`${unknown ? `unknown option ${unknown}; ` : ''}${USAGE}\n`);
    return 2;
  }
  const path = files[0]!;
  try {
    const read = await readDocument(path);
    // The bot serves an undated document, but every answer from it goes out undated: say so here.
    const undated = dateWarning(read);
    const document = undated ? { ...read, warnings: [undated, ...read.warnings] } : read;
    process.stdout.write(
      json ? `${JSON.stringify(documentSummary(document), null, 2)}\n` : `${documentReport(document)}\n`,
    );
    return 0;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      error instanceof DocumentError
        ? error.message
        : code === 'ENOENT'
          ? `${path}: no such file`
          : code === 'EACCES'
            ? `${path}: permission denied`
            : code === 'EISDIR'
              ? `${path}: is a folder, not a file`
              : `${path}: could not be read (${(error as Error).message})`;
    process.stderr.write(`inspect: ${message}\n`);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
