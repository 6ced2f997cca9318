import type { Readable, Writable } from 'node:stream';

/** Streams a command uses, injected so tests can run commands in-process as well as as a child process. */
export interface CliIO {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

/** Writes and waits for the stream to accept the data, so tens of thousands of lines never pile up in memory. */
export function writeLine(out: Writable, line: string): Promise<void> | void {
  if (!out.write(line + '\n')) return new Promise((resolve) => out.once('drain', () => resolve()));
}
