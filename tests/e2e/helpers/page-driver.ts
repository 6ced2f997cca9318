import type { Page as PlaywrightPage } from '@playwright/test';
import type { Page as PuppeteerPage, KeyInput } from 'puppeteer-core';

/**
 * The few page operations the Roundcube helpers need, so one set of compose steps drives both
 * Playwright (Chromium) and puppeteer-core over WebDriver BiDi (Firefox ESR, which Playwright cannot drive).
 * Every operation goes through real input events (clicks, key presses), as a user's would.
 */
export interface PageDriver {
  goto(url: string): Promise<void>;
  waitFor(selector: string, timeoutMs?: number): Promise<void>;
  click(selector: string): Promise<void>;
  /** Replaces the value of an input or textarea, firing input events. */
  fill(selector: string, text: string): Promise<void>;
  /** Clicks an element inside the document of the iframe `iframeSelector` (TinyMCE's body). */
  clickInFrame(iframeSelector: string, selector: string): Promise<void>;
  /** Types into whatever has focus; `\n` presses Enter. */
  typeText(text: string): Promise<void>;
  /** A key or chord such as `Enter` or `Control+Enter`. */
  press(key: string): Promise<void>;
  evaluate<R, A>(fn: (arg: A) => R, arg: A): Promise<R>;
}

const DEFAULT_TIMEOUT_MS = 15_000;

export function playwrightDriver(page: PlaywrightPage): PageDriver {
  return {
    async goto(url) {
      await page.goto(url);
    },
    async waitFor(selector, timeoutMs = DEFAULT_TIMEOUT_MS) {
      await page.locator(selector).first().waitFor({ state: 'visible', timeout: timeoutMs });
    },
    async click(selector) {
      await page.locator(selector).first().click();
    },
    async fill(selector, text) {
      await page.locator(selector).first().fill(text);
    },
    async clickInFrame(iframeSelector, selector) {
      await page.frameLocator(iframeSelector).locator(selector).click();
    },
    async typeText(text) {
      await page.keyboard.type(text);
    },
    async press(key) {
      await page.keyboard.press(key);
    },
    async evaluate(fn, arg) {
      return page.evaluate(fn as never, arg) as never;
    },
  };
}

export function puppeteerDriver(page: PuppeteerPage): PageDriver {
  return {
    async goto(url) {
      await page.goto(url);
    },
    async waitFor(selector, timeoutMs = DEFAULT_TIMEOUT_MS) {
      await page.waitForSelector(selector, { visible: true, timeout: timeoutMs });
    },
    async click(selector) {
      await page.locator(selector).click();
    },
    async fill(selector, text) {
      await page.locator(selector).fill(text);
    },
    async clickInFrame(iframeSelector, selector) {
      const iframe = await page.waitForSelector(iframeSelector, { timeout: DEFAULT_TIMEOUT_MS });
      const frame = await iframe?.contentFrame();
      if (!frame) throw new Error(`no frame behind ${iframeSelector}`);
      await frame.locator(selector).click();
    },
    async typeText(text) {
      await page.keyboard.type(text);
    },
    async press(key) {
      // puppeteer presses one key at a time: hold the modifiers of a chord around the last key.
      const keys = key.split('+') as KeyInput[];
      const last = keys.pop() as KeyInput;
      for (const modifier of keys) await page.keyboard.down(modifier);
      await page.keyboard.press(last);
      for (const modifier of keys.reverse()) await page.keyboard.up(modifier);
    },
    async evaluate(fn, arg) {
      return page.evaluate(fn as never, arg) as never;
    },
  };
}
