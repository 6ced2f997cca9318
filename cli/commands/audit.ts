import { readFile } from 'node:fs/promises';
import type { CliIO } from '../io.ts';
import { verifyExport } from '../../lib/audit/verify-export.ts';

const USAGE = `Usage: channel-guard audit verify FILE

Checks the hash chain of a JSON file exported from the audit viewer.
Exit 0 and "intact: N events" when every record is as written; exit 1 and the position where the
chain breaks when a record was edited, deleted or inserted.
`;

export async function run(argv: string[], io: CliIO): Promise<number> {
  const [sub, file, ...extra] = argv;
  if (sub !== 'verify' || !file || extra.length > 0) {
    (sub === '--help' || sub === '-h' ? io.stdout : io.stderr).write(USAGE);
    return sub === '--help' || sub === '-h' ? 0 : 2;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    io.stderr.write(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const verdict = await verifyExport(parsed);
  if (verdict.ok) {
    const note = verdict.omitted > 0 ? ` (filtered export: ${verdict.omitted} omitted record(s) checked by their links only)` : '';
    io.stdout.write(`intact: ${verdict.events} events${note}\n`);
    return 0;
  }
  const where =
    verdict.index === undefined ? '' : ` at record ${verdict.index + 1} in the file${verdict.id !== undefined ? ` (event id ${verdict.id})` : ''}`;
  io.stdout.write(`broken${where}: ${verdict.reason}\n`);
  return 1;
}
