import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterEach } from 'vitest';

/** A fixture page loaded in happy-dom with its own scripts running (the fake editor model and Send). */
export interface FixturePage {
  win: Window;
  doc: Document;
  fixture: { setDraft(d: object): void; readBody(): string };
  sent: () => { to: string[]; cc: string[]; bcc: string[]; body: string; via: string }[];
}

/** Returns a loader for `tests/fixtures/sites/<name>.html` at `url`; pages are closed after each test. */
export function fixtureLoader(name: string, url: string): () => Promise<FixturePage> {
  const open: Window[] = [];
  afterEach(async () => {
    for (const win of open.splice(0)) await win.happyDOM.close();
  });
  return async () => {
    const win = new Window({
      url,
      settings: { enableJavaScriptEvaluation: true, enableIframePageLoading: true, suppressInsecureJavaScriptEnvironmentWarning: true },
    });
    open.push(win);
    win.document.open();
    win.document.write(readFileSync(join(process.cwd(), `tests/fixtures/sites/${name}.html`), 'utf8'));
    win.document.close();
    await win.happyDOM.waitUntilComplete();
    const w = win as unknown as { fixture: FixturePage['fixture']; sentMessages: ReturnType<FixturePage['sent']> };
    return { win, doc: win.document as unknown as Document, fixture: w.fixture, sent: () => w.sentMessages };
  };
}
