import { expect, test, type ConsoleMessage, type FrameLocator, type Page } from '@playwright/test';
import { launchWithExtension, openFixture, sentMessages, TEST_POLICY, waitForGuard, type ExtensionSession } from './helpers/extension.ts';

/**
 * CRM composers (issue 5): HubSpot, Salesforce Lightning, Bitrix24, amoCRM, Pipedrive, Zoho CRM and
 * Dynamics 365. Each fixture is served at the CRM's real URL, so the manifest's built-in matches
 * decide whether we run at all, and the page must be protected by the CRM's own adapter (not by the
 * generic fallback). Per composer: flagged draft → dialog, nothing sent; Replace → one message whose
 * body is the draft with the corporate contact, byte for byte, as the editor's own model serialises
 * it (the fixtures' models follow input events only, so a DOM-only Replace sends a stale copy and
 * fails); Send anyway with a justification → sent once, unchanged, logged; clean and internal-only
 * drafts → sent, no dialog; the site's keyboard shortcut where it has one.
 *
 * Speed: one browser for the file, one page per site reused by its tests (reloaded only when a
 * failed test left it dirty).
 */

type Person = string | { name: string; email: string };

interface Composer {
  /** `composer` argument of the fixture's setDraft (several composers on one page). */
  id?: string;
  label: string;
  /** The control a user clicks to send. */
  send: string;
  /** Who a client draft goes to, as the CRM shows it. */
  client: Person[];
  /** Internal-only recipients; absent where the composer always writes to an outside contact (a chat). */
  internal?: Person[];
  /** Recipients the page names without an address (a resolved CRM contact): external, whoever they are. */
  namedOnly?: Person[];
  /** The fixture keeps its own model (Draft.js, Quill, CKEditor data, React state, a mirror). */
  keepsModel: boolean;
  /** Where a user clicks to type in the body (inside `frame` when set; a list for nested frames). */
  editor: { selector: string; frame?: string | string[] };
  /** The site's own keyboard send: where the caret is (inside `frame` when set) and the keys. */
  shortcut?: { keys: string; focus: string; frame?: string };
}

interface Site {
  /** Test title; the adapter's name unless one adapter is tested at two kinds of host. */
  name?: string;
  adapter: string;
  url: string;
  file: string;
  composers: Composer[];
}

const CLIENT = { name: 'Игорь Петрович Иванов', email: 'ivanov@client-corp.ru' };
const COLLEAGUE = { name: 'Мария Петрова', email: 'petrova@acme.example' };

const BITRIX24_BOX_URL = 'https://bitrix.acme.example/crm/deal/details/1/';
const POLICY = { ...TEST_POLICY, sites: [...(TEST_POLICY.sites ?? []), { match: 'https://bitrix.acme.example/*', adapter: 'bitrix24' as const }] };

const SITES: Site[] = [
  {
    adapter: 'hubspot',
    url: 'https://app.hubspot.com/contacts/1234567/record/0-1/901',
    file: 'hubspot.html',
    composers: [{ label: 'e-mail (Draft.js)', send: 'button[data-selenium-test="rich-text-editor-controls__save-btn"]', client: [CLIENT], internal: [COLLEAGUE], keepsModel: true, editor: { selector: '.public-DraftEditor-content' } }],
  },
  {
    adapter: 'salesforce',
    url: 'https://acme.lightning.force.com/lightning/r/Contact/003Hn00001XyZaBIAV/view',
    file: 'salesforce.html',
    composers: [
      { id: 'email', label: 'Email action (CKEditor, nested iframes)', send: '[data-fixture-send="email"]', client: [CLIENT], internal: [COLLEAGUE, 'boss@acme-group.example'], keepsModel: true,
        editor: { selector: 'body', frame: ['iframe[title="CK Editor Container"]', 'iframe[title="Email Body"]'] } },
      {
        id: 'post', label: 'Chatter post (Quill in a shadow root)', send: '[data-fixture-send="post"]', client: [], keepsModel: true, editor: { selector: 'lightning-input-rich-text .ql-editor' },
        shortcut: { keys: 'Control+Enter', focus: 'lightning-input-rich-text .ql-editor' },
      },
    ],
  },
  {
    adapter: 'bitrix24',
    url: 'https://acme.bitrix24.ru/crm/deal/details/1/',
    file: 'bitrix24.html',
    composers: [
      {
        id: 'email', label: 'CRM e-mail (BX editor iframe)', send: '.crm-task-list-mail-reply-button', client: [CLIENT], internal: [COLLEAGUE], keepsModel: false, editor: { selector: 'body', frame: 'iframe.bx-editor-iframe' },
        shortcut: { keys: 'Control+Enter', focus: 'body', frame: 'iframe.bx-editor-iframe' },
      },
      {
        id: 'chat', label: 'Open Channel chat (textarea)', send: '.bx-messenger-textarea-send-button', client: [], keepsModel: false, editor: { selector: 'textarea.bx-messenger-textarea-input' },
        shortcut: { keys: 'Enter', focus: 'textarea.bx-messenger-textarea-input' },
      },
    ],
  },
  {
    // The self-hosted box edition runs at the customer's own host: an admin lists it in the policy.
    name: 'bitrix24 (box edition, host from the policy)',
    adapter: 'bitrix24',
    url: BITRIX24_BOX_URL,
    file: 'bitrix24.html',
    composers: [
      {
        id: 'email', label: 'CRM e-mail (BX editor iframe)', send: '.crm-task-list-mail-reply-button', client: [CLIENT], internal: [COLLEAGUE], keepsModel: false, editor: { selector: 'body', frame: 'iframe.bx-editor-iframe' },
        shortcut: { keys: 'Control+Enter', focus: 'body', frame: 'iframe.bx-editor-iframe' },
      },
    ],
  },
  {
    adapter: 'amocrm',
    url: 'https://acme.amocrm.ru/leads/detail/1',
    file: 'amocrm.html',
    composers: [{ label: 'lead feed chat (contenteditable + mirror)', send: '.js-note-submit', client: [], keepsModel: true, editor: { selector: '.control-contenteditable__area' } }],
  },
  {
    adapter: 'pipedrive',
    url: 'https://acme.pipedrive.com/deal/1',
    file: 'pipedrive.html',
    composers: [{ label: 'deal e-mail (React contenteditable)', send: '[data-test="mail-composer-send-button"]', client: [CLIENT], internal: [COLLEAGUE], keepsModel: true, editor: { selector: '[data-test="mail-composer-body"]' } }],
  },
  {
    adapter: 'zohocrm',
    url: 'https://crm.zoho.com/crm/org123/tab/Contacts/1',
    file: 'zohocrm.html',
    composers: [{ label: 'Send Email (ZEditor iframe)', send: '[data-zcqa="sendMail_send"]', client: [CLIENT], internal: [COLLEAGUE], keepsModel: false, editor: { selector: 'body', frame: 'iframe.ze_area' } }],
  },
  {
    adapter: 'dynamics',
    url: 'https://acme.crm4.dynamics.com/main.aspx?appid=00000000-0000-0000-0000-000000000001&pagetype=entityrecord&etn=email',
    file: 'dynamics.html',
    // A resolved contact shows a name only (an outsider); an unresolved address shows the address.
    composers: [{ label: 'Email form (CKEditor iframe)', send: 'button[data-id="email|NoRelationship|Form|Mscrm.Form.email.Send"]', client: [CLIENT], internal: ['petrova@acme.example'], namedOnly: [COLLEAGUE], keepsModel: true,
      editor: { selector: 'body', frame: 'iframe[aria-label="Description rich text editor"]' } }],
  },
];

const PERSONAL_PHONE = '+7 915 111-11-11';
const PERSONAL_EMAIL = 'anna.smirnova1987@gmail.com';
const CORPORATE_PHONE = '+7 495 123-45-67';
const CORPORATE_EMAIL = 'sales@acme.example';
const FLAGGED_BODY = [
  'Добрый день, Игорь Петрович!',
  `Если что-то срочное — звоните мне на мобильный ${PERSONAL_PHONE}.`,
  '',
  'Счёт № 318 от 14.03.2025 на 1 248 500,00 руб.',
  'С уважением, Анна',
].join('\n');
const EMAIL_BODY = `Добрый день!\nПишите мне лучше на ${PERSONAL_EMAIL}, так быстрее.\nАнна`;
const CLEAN_BODY = `Добрый день!\nОбщий номер отдела продаж: ${CORPORATE_PHONE}.\nДоговор во вложении.`;

const dialog = (page: Page) => page.locator('channel-guard-dialog');
const action = (page: Page, name: string) => page.locator(`channel-guard-dialog [data-action="${name}"]`);

async function setDraft(page: Page, composer: Composer, draft: { to?: Person[]; subject?: string; body: string }): Promise<void> {
  await page.evaluate(
    (d) => (window as unknown as { fixture: { setDraft(d: object): void } }).fixture.setDraft(d),
    { composer: composer.id, subject: 'Договор поставки', ...draft },
  );
}

function inFrames(page: Page, frames: string | string[] | undefined): Page | FrameLocator {
  let scope: Page | FrameLocator = page;
  for (const frame of frames === undefined ? [] : [frames].flat()) scope = scope.frameLocator(frame);
  return scope;
}

async function sentBodies(page: Page): Promise<string[]> {
  return (await sentMessages(page)).map((m) => m.body);
}

/** Fallback diagnostics the background logged ("<adapter> selectors found no composer …"). */
const fallbackReports: string[] = [];
const onWorkerConsole = (message: ConsoleMessage) => {
  if (message.text().includes('found no composer')) fallbackReports.push(message.text());
};

// A control that never becomes clickable should fail in seconds, not at the test timeout.
test.use({ actionTimeout: 10_000 });

let session: ExtensionSession;
test.beforeAll(async () => {
  session = await launchWithExtension({ policy: POLICY });
  session.worker.on('console', onWorkerConsole);
});
test.afterAll(async () => {
  session?.worker.off('console', onWorkerConsole);
  await session?.close();
});

for (const site of SITES) {
  test.describe(site.name ?? site.adapter, () => {
    // Not serial: a failure restarts the worker (new browser, new page) and the site's other tests still run.
    let page: Page;

    test.beforeAll(async () => {
      page = await openFixture(session.context, site.url, site.file, { waitForGuard: false });
    });
    test.afterAll(async () => {
      await page?.close();
    });
    test.beforeEach(async () => {
      // A failed test may leave a dialog open: start that page over rather than build on it.
      if ((await dialog(page).count()) > 0) await page.reload();
      await waitForGuard(page, site.adapter);
      await page.evaluate(() => {
        (window as unknown as { sentMessages: unknown[] }).sentMessages = [];
      });
    });

    test(`the page at ${new URL(site.url).host} is protected by the ${site.adapter} adapter, not the generic fallback`, async () => {
      await expect(page.locator('html')).toHaveAttribute('data-channel-guard', site.adapter);
      // The fallback reports itself to the background the moment it takes over; give it time to arrive.
      await page.waitForTimeout(500);
      expect(fallbackReports.filter((r) => r.includes(new URL(site.url).host))).toEqual([]);
    });

    for (const composer of site.composers) {
      const expectSentClean = async (body: string): Promise<void> => {
        // The page's own send runs inside the same click: nothing to wait for.
        expect(await sentBodies(page)).toEqual([body]);
        await expect(dialog(page)).toHaveCount(0);
      };

      test(`${composer.label}: a flagged draft opens the dialog and nothing is sent`, async () => {
        await setDraft(page, composer, { to: composer.client, body: FLAGGED_BODY });
        await page.locator(composer.send).click();
        await expect(dialog(page)).toHaveCount(1);
        await expect(action(page, 'replace')).toBeVisible();
        await expect(page.locator('channel-guard-dialog mark').first()).toHaveText(PERSONAL_PHONE);
        await page.waitForTimeout(300);
        expect(await sentMessages(page)).toEqual([]);
        await action(page, 'edit').click();
        await expect(dialog(page)).toHaveCount(0);
        expect(await sentMessages(page)).toEqual([]);
      });

      test(`${composer.label}: Replace sends the corporate number once, the rest byte for byte`, async () => {
        await setDraft(page, composer, { to: composer.client, body: FLAGGED_BODY });
        await page.locator(composer.send).click();
        await action(page, 'replace').click();
        await expect.poll(() => sentBodies(page)).toHaveLength(1);
        await expect(dialog(page)).toHaveCount(0);
        const [sent] = await sentMessages(page);
        expect(sent!.body).toBe(FLAGGED_BODY.replace(PERSONAL_PHONE, CORPORATE_PHONE));
        expect(sent!.to).toEqual(composer.client.map((p) => (typeof p === 'string' ? p : p.email)));
        await page.waitForTimeout(300);
        expect(await sentMessages(page)).toHaveLength(1);
      });

      test(`${composer.label}: Replace of a free-mail address sends the corporate address`, async () => {
        await setDraft(page, composer, { to: composer.client, body: EMAIL_BODY });
        await page.locator(composer.send).click();
        await expect(page.locator('channel-guard-dialog mark').first()).toHaveText(PERSONAL_EMAIL);
        await action(page, 'replace').click();
        await expect.poll(() => sentBodies(page)).toEqual([EMAIL_BODY.replace(PERSONAL_EMAIL, CORPORATE_EMAIL)]);
      });

      test(`${composer.label}: Send anyway with a justification sends once, unchanged, and logs it`, async () => {
        const justification = `Client asked for my mobile (${new URL(site.url).host} ${composer.id ?? ''})`;
        await setDraft(page, composer, { to: composer.client, body: FLAGGED_BODY });
        await page.locator(composer.send).click();
        await expect(action(page, 'send-anyway')).toBeDisabled();
        await page.locator('channel-guard-dialog textarea[name="justification"]').fill(justification);
        await action(page, 'send-anyway').click();
        await expect.poll(() => sentBodies(page)).toEqual([FLAGGED_BODY]);
        await page.waitForTimeout(300);
        expect(await sentMessages(page)).toHaveLength(1);
        await expect
          .poll(async () => (await session.auditEvents()).filter((e) => e.justification === justification).map((e) => e.decision))
          .toEqual(['sent-anyway']);
      });

      test(`${composer.label}: a clean draft is sent at once, with no dialog`, async () => {
        await setDraft(page, composer, { to: composer.client, body: CLEAN_BODY });
        await page.locator(composer.send).click();
        await expectSentClean(CLEAN_BODY);
      });

      test(`${composer.label}: a number the user types is caught at Send and replaced in what was typed`, async () => {
        await setDraft(page, composer, { to: composer.client, body: CLEAN_BODY });
        await inFrames(page, composer.editor.frame).locator(composer.editor.selector).click();
        await page.keyboard.press('Control+End');
        await page.keyboard.type(` Мой мобильный: ${PERSONAL_PHONE}`);
        // The typing marker's idle scan saw it (and only this composer's marker shows); Send reuses or redoes that scan.
        const shownMarkers = page.locator('channel-guard-marker:visible');
        await expect(shownMarkers).toHaveCount(1);
        await expect(shownMarkers).toHaveAttribute('data-count', '1');
        await page.locator(composer.send).click();
        await expect(dialog(page)).toHaveCount(1);
        expect(await sentMessages(page)).toEqual([]);
        await action(page, 'replace').click();
        await expect.poll(() => sentBodies(page)).toEqual([`${CLEAN_BODY} Мой мобильный: ${CORPORATE_PHONE}`]);
        // The site emptied the composer (no input event): the marker must not stay over an empty editor.
        await expect(shownMarkers).toHaveCount(0);
      });

      if (composer.internal) {
        const internal = composer.internal;
        test(`${composer.label}: a personal number to internal recipients only is sent with no dialog`, async () => {
          await setDraft(page, composer, { to: internal, body: FLAGGED_BODY });
          await page.locator(composer.send).click();
          await expectSentClean(FLAGGED_BODY);
        });
      }

      if (composer.namedOnly) {
        const named = composer.namedOnly;
        test(`${composer.label}: a recipient shown by name only counts as external, even a colleague`, async () => {
          await setDraft(page, composer, { to: named, body: FLAGGED_BODY });
          await page.locator(composer.send).click();
          await expect(dialog(page)).toHaveCount(1);
          expect(await sentMessages(page)).toEqual([]);
          await action(page, 'edit').click();
          await expect(dialog(page)).toHaveCount(0);
        });
      }

      if (composer.keepsModel) {
        // The byte-for-byte checks above mean something only if a DOM-only edit really sends the old text.
        test(`${composer.label}: the fixture sends its editor model, not the DOM (a stale copy is visible)`, async () => {
          await setDraft(page, composer, { to: composer.client, body: CLEAN_BODY });
          await page.evaluate(() => {
            const walk = (root: Document | ShadowRoot): Text | null => {
              const all = [...root.querySelectorAll('*')];
              for (const el of all) {
                if (el.shadowRoot) {
                  const inner = walk(el.shadowRoot);
                  if (inner) return inner;
                }
                const frameDoc = el.tagName === 'IFRAME' ? (el as HTMLIFrameElement).contentDocument : null;
                if (frameDoc) {
                  const inner = walk(frameDoc);
                  if (inner) return inner;
                }
              }
              // Frames are other realms: `instanceof` is false there.
              const owner = root.nodeType === Node.DOCUMENT_NODE ? (root as Document) : root.ownerDocument!;
              const w = owner.createTreeWalker(root, NodeFilter.SHOW_TEXT);
              for (let n = w.nextNode(); n; n = w.nextNode()) if (n.textContent?.includes('Договор во вложении')) return n as Text;
              return null;
            };
            const node = walk(document)!;
            node.data = node.data.replace('Договор во вложении', 'Договор подписан');
          });
          await page.locator(composer.send).click();
          expect(await sentBodies(page)).toEqual([CLEAN_BODY]);
        });
      }

      if (composer.shortcut) {
        const shortcut = composer.shortcut;
        const focusEditor = async () => {
          await inFrames(page, shortcut.frame).locator(shortcut.focus).click();
        };

        test(`${composer.label}: ${shortcut.keys} with a flagged draft opens the dialog; Replace then sends once by the shortcut`, async () => {
          await setDraft(page, composer, { to: composer.client, body: FLAGGED_BODY });
          await focusEditor();
          await page.keyboard.press(shortcut.keys);
          await expect(dialog(page)).toHaveCount(1);
          await page.waitForTimeout(300);
          expect(await sentMessages(page)).toEqual([]);
          await action(page, 'replace').click();
          await expect.poll(() => sentBodies(page)).toEqual([FLAGGED_BODY.replace(PERSONAL_PHONE, CORPORATE_PHONE)]);
          expect((await sentMessages(page)).map((m) => m.via)).toEqual(['shortcut']);
          await page.waitForTimeout(300);
          expect(await sentMessages(page)).toHaveLength(1);
        });

        if (shortcut.keys === 'Enter') {
          // Enter alone sends here, so the keys that merely look like it must stay the user's.
          test(`${composer.label}: Shift+Enter and an IME's Enter with a flagged draft neither send nor open the dialog`, async () => {
            await setDraft(page, composer, { to: composer.client, body: FLAGGED_BODY });
            await focusEditor();
            await page.keyboard.press('Shift+Enter');
            await inFrames(page, shortcut.frame).locator(shortcut.focus).evaluate((el) => {
              el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', isComposing: true, bubbles: true, cancelable: true }));
            });
            await page.waitForTimeout(300);
            await expect(dialog(page)).toHaveCount(0);
            expect(await sentMessages(page)).toEqual([]);
          });
        }

        test(`${composer.label}: ${shortcut.keys} with a clean draft sends at once`, async () => {
          await setDraft(page, composer, { to: composer.client, body: CLEAN_BODY });
          await focusEditor();
          await page.keyboard.press(shortcut.keys);
          await expectSentClean(CLEAN_BODY);
          expect((await sentMessages(page)).map((m) => m.via)).toEqual(['shortcut']);
        });
      }
    }
  });
}

test.describe('a CRM after a redesign', () => {
  // HubSpot's selectors find nothing on a page whose markup changed (here: another composer's
  // markup at a HubSpot address); the user stays protected by the generic adapter, and the
  // background hears about it — which is also what proves the "not the generic fallback" checks above can fail.
  test('HubSpot selectors that no longer match: the generic fallback protects the page and reports it', async () => {
    const url = 'https://app-eu1.hubspot.com/contacts/1234567/record/0-1/902';
    const page = await openFixture(session.context, url, 'pipedrive.html', { waitForGuard: false });
    await waitForGuard(page, 'hubspot');
    await expect.poll(() => fallbackReports.filter((r) => r.includes('app-eu1.hubspot.com'))).toHaveLength(1);
    const composer: Composer = { label: 'redesigned', send: '[data-test="mail-composer-send-button"]', client: [CLIENT], keepsModel: true, editor: { selector: '[data-test="mail-composer-body"]' } };
    await setDraft(page, composer, { to: composer.client, body: FLAGGED_BODY });
    await page.locator(composer.send).click();
    await expect(dialog(page)).toHaveCount(1);
    await action(page, 'replace').click();
    await expect.poll(() => sentBodies(page)).toEqual([FLAGGED_BODY.replace(PERSONAL_PHONE, CORPORATE_PHONE)]);
    await page.close();
  });
});
