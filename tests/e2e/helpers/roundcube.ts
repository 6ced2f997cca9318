import { execFile } from 'node:child_process';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';
import { parseMimeMessage, type MimeMessage } from './mime.ts';
import type { PageDriver } from './page-driver.ts';

/**
 * A real Roundcube 1.6 (Debian's package) on loopback with dovecot and an SMTP sink, started by
 * scripts/roundcube/start.sh. Tests compose in the real UI and read what really reached the SMTP
 * server (issue 4: "after Replace it holds the corporate number; after Edit nothing arrived").
 */

const SCRIPTS_DIR = resolve(import.meta.dirname, '../../../scripts/roundcube');
const run = promisify(execFile);

export type EditorMode = 'plain' | 'html';

const StackSchema = z.object({
  url: z.string().url(),
  user: z.string(),
  password: z.string(),
  email: z.string(),
  imapPort: z.number().int(),
  smtpPort: z.number().int(),
  httpPort: z.number().int(),
  sinkMaildir: z.string(),
  editorFile: z.string(),
  stateDir: z.string(),
  logDir: z.string(),
  pids: z.record(z.string(), z.number().int()),
});
export type RoundcubeStack = z.infer<typeof StackSchema>;

/** Selectors of Roundcube 1.6's elastic skin (skins/elastic/templates/{login,compose}.html, ui.js). */
export const ROUNDCUBE_UI = {
  loginUser: '#rcmloginuser',
  loginPassword: '#rcmloginpwd',
  loginSubmit: '#rcmloginsubmit',
  /** The folder list: visible once the mailbox view has loaded (an empty #messagelist has no height). */
  folderList: '#mailboxlist',
  /** ui.js hides the real `_to` textarea and puts a `ul.recipient-input` with one text input after it. */
  recipientInput: (field: 'to' | 'cc' | 'bcc') => `#_${field} + ul.recipient-input input`,
  /** The "+" beside To opens #headers-menu, whose items reveal the hidden Cc/Bcc rows (ui.js headersmenu). */
  addHeaderButton: '#compose_to a[data-popup="headers-menu"]',
  addHeaderItem: (field: 'cc' | 'bcc') => `#headers-menu a[data-target="${field}"]`,
  subject: '#compose-subject',
  plainBody: 'textarea#composebody',
  /** TinyMCE replaces the textarea with an iframe whose body is the editable document. */
  htmlFrame: 'iframe#composebody_ifr',
  htmlBody: 'body#tinymce',
  send: 'button.btn.btn-primary.send',
  messageStack: '#messagestack',
} as const;

export async function startRoundcube(options: { editor?: EditorMode } = {}): Promise<RoundcubeStack> {
  const { stdout } = await run('bash', [join(SCRIPTS_DIR, 'start.sh'), '--editor', options.editor ?? 'plain'], {
    timeout: 60_000,
  });
  const lastLine = stdout.trim().split('\n').at(-1) ?? '';
  return StackSchema.parse(JSON.parse(lastLine));
}

/** Stops the stack; `keepState` leaves logs and the sink on disk (worth it when a test failed). */
export async function stopRoundcube(stack: RoundcubeStack, options: { keepState?: boolean } = {}): Promise<void> {
  await run('bash', [join(SCRIPTS_DIR, 'stop.sh'), stack.stateDir, ...(options.keepState ? ['--keep'] : [])]);
}

/** The editor new compose windows open with (read by Roundcube's config on every request). */
export async function setEditorMode(stack: RoundcubeStack, mode: EditorMode): Promise<void> {
  await writeFile(stack.editorFile, mode === 'html' ? '1\n' : '0\n');
}

export async function editorMode(stack: RoundcubeStack): Promise<EditorMode> {
  return (await readFile(stack.editorFile, 'utf8')).trim() === '1' ? 'html' : 'plain';
}

/** Logs in, or does nothing when this browser profile already has a Roundcube session. */
export async function login(driver: PageDriver, stack: RoundcubeStack): Promise<void> {
  const s = ROUNDCUBE_UI;
  await driver.goto(stack.url);
  await driver.waitFor(`${s.loginUser}, ${s.folderList}`);
  const needsLogin = await driver.evaluate((sel) => document.querySelector(sel) !== null, s.loginUser);
  if (!needsLogin) return;
  await driver.fill(s.loginUser, stack.user);
  await driver.fill(s.loginPassword, stack.password);
  await driver.click(s.loginSubmit);
  await driver.waitFor(s.folderList);
}

export interface Draft {
  to: string[];
  cc?: string[];
  bcc?: string[];
  subject: string;
  /** Typed as a user would; `\n` is Enter (a new paragraph in TinyMCE). */
  body: string;
}

/** Opens a new compose window and fills it in; the editor is whatever the stack is set to. */
export async function composeDraft(driver: PageDriver, stack: RoundcubeStack, draft: Draft): Promise<void> {
  const s = ROUNDCUBE_UI;
  const mode = await editorMode(stack);
  await driver.goto(new URL('?_task=mail&_action=compose', stack.url).href);
  await driver.waitFor(s.subject);
  if (mode === 'html') await driver.waitFor(s.htmlFrame);
  await waitForComposeReady(driver, mode);
  for (const [field, addresses] of [['to', draft.to], ['cc', draft.cc ?? []], ['bcc', draft.bcc ?? []]] as const) {
    if (addresses.length === 0) continue;
    if (field !== 'to') {
      // Cc and Bcc rows are hidden until chosen from the "Add header" menu, as a user does.
      await driver.click(s.addHeaderButton);
      await driver.click(s.addHeaderItem(field));
    }
    for (const address of addresses) {
      await driver.click(s.recipientInput(field));
      await driver.typeText(address);
      await driver.press('Enter');
    }
  }
  await driver.fill(s.subject, draft.subject);
  if (mode === 'plain') {
    await driver.click(s.plainBody);
    await driver.typeText(draft.body);
  } else {
    await driver.clickInFrame(s.htmlFrame, s.htmlBody);
    await driver.typeText(draft.body);
  }
}

/**
 * Roundcube's own "ready" state rather than network idle (which a long-lived request can hold off
 * forever): app.js sets `rcmail.loaded` at the end of init, `busy` while a request is pending, and
 * editor.js sets `rcmail.editor.editor` once TinyMCE's document is usable.
 */
async function waitForComposeReady(driver: PageDriver, mode: EditorMode, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ready = await driver.evaluate((wantHtml) => {
      const rcmail = (window as unknown as { rcmail?: RoundcubeAppState }).rcmail;
      if (!rcmail?.loaded || rcmail.busy || !rcmail.env?.compose_id || !rcmail.editor) return false;
      return !wantHtml || Boolean(rcmail.editor.editor);
    }, mode === 'html');
    if (ready) return;
    if (Date.now() > deadline) throw new Error(`Roundcube compose (${mode}) not ready after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The parts of Roundcube's `window.rcmail` (program/js/app.js, editor.js) the readiness check reads. */
interface RoundcubeAppState {
  loaded?: boolean;
  busy?: boolean;
  env?: { compose_id?: string };
  editor?: { editor?: unknown };
}

export async function clickSend(driver: PageDriver): Promise<void> {
  await driver.click(ROUNDCUBE_UI.send);
}

/** The draft as Roundcube holds it right now: the textarea's value, or TinyMCE's document text. */
export async function readComposeBody(driver: PageDriver): Promise<string> {
  return driver.evaluate(({ plain, frame }) => {
    const iframe = document.querySelector<HTMLIFrameElement>(frame);
    if (iframe?.contentDocument?.body && iframe.offsetParent !== null) return iframe.contentDocument.body.innerText;
    return document.querySelector<HTMLTextAreaElement>(plain)?.value ?? '';
  }, { plain: ROUNDCUBE_UI.plainBody, frame: ROUNDCUBE_UI.htmlFrame });
}

export interface SentMessage extends MimeMessage {
  file: string;
}

/** Every message the SMTP sink received, oldest first, MIME-decoded. */
export async function readSentMessages(stack: RoundcubeStack): Promise<SentMessage[]> {
  const files: { path: string; mtimeMs: number }[] = [];
  for (const sub of ['new', 'cur']) {
    const dir = join(stack.sinkMaildir, sub);
    let names: string[] = [];
    try {
      names = await readdir(dir);
    } catch {
      continue; // the sink creates its Maildir on the first message
    }
    for (const name of names) {
      const path = join(dir, name);
      files.push({ path, mtimeMs: (await stat(path)).mtimeMs });
    }
  }
  files.sort((a, b) => a.mtimeMs - b.mtimeMs || a.path.localeCompare(b.path));
  return Promise.all(files.map(async ({ path }) => ({ file: path, ...parseMimeMessage(await readFile(path)) })));
}

/** Waits until the sink holds at least `count` messages and returns them all. */
export async function waitForSentMessages(
  stack: RoundcubeStack,
  count: number,
  timeoutMs = 15_000,
): Promise<SentMessage[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const messages = await readSentMessages(stack);
    if (messages.length >= count) return messages;
    if (Date.now() > deadline) {
      throw new Error(`SMTP sink holds ${messages.length} message(s) after ${timeoutMs} ms, expected ${count}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Empties the sink between tests so each test reads only its own messages. */
export async function clearSentMessages(stack: RoundcubeStack): Promise<void> {
  for (const sub of ['new', 'cur']) {
    const dir = join(stack.sinkMaildir, sub);
    let names: string[] = [];
    try {
      names = await readdir(dir);
    } catch {
      continue;
    }
    await Promise.all(names.map((name) => rm(join(dir, name), { force: true })));
  }
}

/** Roundcube's own logs (errors, SMTP dialogue), for a failing test's output. */
export async function readRoundcubeLogs(stack: RoundcubeStack): Promise<string> {
  const names = await readdir(stack.logDir).catch(() => [] as string[]);
  const logs = await Promise.all(
    names.map(async (name) => `--- ${name}\n${await readFile(join(stack.logDir, name), 'utf8')}`),
  );
  return logs.join('\n');
}
