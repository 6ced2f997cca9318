import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * Runs a site adapter against its fixture in real Chromium (happy-dom gives iframes no document, and
 * these CRMs put their editors in same-origin iframes and shadow roots). The fixture is served at
 * the site's real URL; the adapter module is bundled and exposed to the page as `__cg.adapter`.
 */

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface FixturePage {
  page: Page;
  close(): Promise<void>;
}

let browser: Browser | undefined;

export async function openFixture(site: string, exportName: string, url: string): Promise<FixturePage> {
  browser ??= await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const bundle = await build({
    stdin: { contents: `export { ${exportName} as adapter } from './lib/sites/${site}.ts';`, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    format: 'iife',
    globalName: '__cg',
    write: false,
    platform: 'browser',
  });
  const html = readFileSync(`${ROOT}tests/fixtures/sites/${site}.html`, 'utf8');
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route('**/*', (route) =>
    route.request().isNavigationRequest() ? route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }) : route.abort(),
  );
  await page.goto(url);
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  return { page, close: () => context.close() };
}

export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = undefined;
}

/** What a test learns about the adapter's view of the page, in plain data. */
export interface AdapterView {
  composers: number;
  editors: { kind: string; tag: string; inFrame: boolean; inShadow: boolean; text: string }[][];
  recipients: { to: string[]; cc: string[]; bcc: string[] }[];
  sendControls: string[][];
}

/** Calls every adapter method on the page and describes the result. */
export async function adapterView(page: Page): Promise<AdapterView> {
  return page.evaluate(() => {
    const adapter = (window as unknown as { __cg: { adapter: import('../../../../lib/sites/types.ts').SiteAdapter } }).__cg.adapter;
    const composers = adapter.findComposers(document);
    return {
      composers: composers.length,
      editors: composers.map((c) =>
        adapter.getEditors(c).map((ref) => ({
          kind: ref.kind,
          tag: ref.element.tagName,
          inFrame: ref.element.ownerDocument !== document,
          inShadow: ref.element.getRootNode() instanceof ShadowRoot,
          text: ref.kind === 'textarea' ? (ref.element as HTMLTextAreaElement).value : ref.element.innerText,
        })),
      ),
      recipients: composers.map((c) => adapter.readRecipients(c)),
      sendControls: composers.map((c) => adapter.sendControls(c).map((el) => el.outerHTML.slice(0, 200))),
    };
  });
}

/** Dispatches a keydown on the element found by `selector` (inside `frameSelector`'s document or a shadow host when given) and asks isSendShortcut. */
export async function shortcutVerdict(
  page: Page,
  target: { selector: string; frame?: string; shadowHost?: string },
  init: { key: string; ctrlKey?: boolean; shiftKey?: boolean; metaKey?: boolean; altKey?: boolean },
): Promise<boolean> {
  const args: { target: { selector: string; frame?: string; shadowHost?: string }; init: Record<string, string | boolean> } = { target, init };
  return page.evaluate<boolean, typeof args>(
    ({ target: t, init: i }) => {
      const adapter = (window as unknown as { __cg: { adapter: import('../../../../lib/sites/types.ts').SiteAdapter } }).__cg.adapter;
      let scope: Document | ShadowRoot = document;
      if (t.frame) scope = (document.querySelector(t.frame) as HTMLIFrameElement).contentDocument!;
      if (t.shadowHost) scope = document.querySelector(t.shadowHost)!.shadowRoot!;
      const el = scope.querySelector(t.selector)!;
      let verdict = false;
      const listener = (event: Event) => {
        verdict = adapter.isSendShortcut(event as KeyboardEvent);
        event.preventDefault();
        event.stopImmediatePropagation();
      };
      const doc = el.ownerDocument;
      doc.addEventListener('keydown', listener, { capture: true, once: true });
      const view = doc.defaultView as Window & typeof globalThis;
      el.dispatchEvent(new view.KeyboardEvent('keydown', { bubbles: true, composed: true, cancelable: true, ...i }));
      return verdict;
    },
    args,
  );
}

/**
 * Edits the first occurrence of `find` in an editor the way the content script's Replace must: a
 * selection on the text, then the browser's own insertText (beforeinput/input fire), or — when
 * `silently` — by rewriting the text node, which the site's editor model never hears about.
 */
export async function editText(
  page: Page,
  target: { selector: string; frame?: string; nestedFrame?: string; shadowHost?: string },
  find: string,
  replacement: string,
  silently = false,
): Promise<void> {
  await page.evaluate(
    ({ t, find: f, replacement: r, silently: s }) => {
      let doc: Document = document;
      if (t.frame) doc = (doc.querySelector(t.frame) as HTMLIFrameElement).contentDocument!;
      if (t.nestedFrame) doc = (doc.querySelector(t.nestedFrame) as HTMLIFrameElement).contentDocument!;
      const scope: Document | ShadowRoot = t.shadowHost ? doc.querySelector(t.shadowHost)!.shadowRoot! : doc;
      const root = scope.querySelector(t.selector)!;
      if (root instanceof HTMLTextAreaElement || root.tagName === 'TEXTAREA') {
        const area = root as HTMLTextAreaElement;
        const at = area.value.indexOf(f);
        if (s) { area.value = area.value.slice(0, at) + r + area.value.slice(at + f.length); return; }
        area.focus();
        area.setSelectionRange(at, at + f.length);
        doc.execCommand('insertText', false, r);
        return;
      }
      const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const at = node.data.indexOf(f);
        if (at < 0) continue;
        if (s) { node.data = node.data.slice(0, at) + r + node.data.slice(at + f.length); return; }
        (root as HTMLElement).focus();
        const range = doc.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + f.length);
        const selection = (doc.defaultView as Window).getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        doc.execCommand('insertText', false, r);
        return;
      }
      throw new Error(`"${f}" not found`);
    },
    { t: target, find, replacement, silently },
  );
}

export interface SentMessage {
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  via: string;
  composer?: string;
}

export async function sentMessages(page: Page): Promise<SentMessage[]> {
  return page.evaluate(() => (window as unknown as { sentMessages: SentMessage[] }).sentMessages);
}

export async function setDraft(page: Page, draft: Record<string, unknown>): Promise<void> {
  await page.evaluate((d) => (window as unknown as { fixture: { setDraft(x: unknown): void } }).fixture.setDraft(d), draft);
}
