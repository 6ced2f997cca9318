import { describe, expect, it } from 'vitest';
import { checkSelectorSyntax } from '../../../lib/policy/selector-syntax.ts';

// Every row was also checked against Chromium 156's `document.querySelectorAll` (accepts / throws).
// Rejected on purpose although Chromium accepts them (see the module comment): a bracket, paren,
// quote, escape or comment left open at the end, `:is()`, pseudo-elements, `&`.
const VALID = [
  'div',
  '*',
  'div.M9',
  '#compose',
  'div[role="button"].T-I.aoO',
  'div.T-I.T-I-atl[role=button]',
  '[contenteditable="true"][aria-label="Message Body"]',
  "[data-qa='dispatch']",
  '[name="to" i]',
  '[data-test-id^=compose-] [class*="status_"]',
  'a[href$=".pdf"]',
  '[lang|=en], [class~=pill]',
  'crm-message-composer crm-rich-text > [contenteditable]',
  'ul > li + li ~ li',
  'form  >  button',
  'div:not(.draft):is(.a, .b):where(#x)',
  'div:has(> [contenteditable]), section:has(+ footer, ~ aside)',
  'li:nth-child(2n+1), li:nth-child(-n + 3), li:nth-last-child(odd), li:nth-of-type(5)',
  'li:nth-child(2n of .visible)',
  'p:lang(ja):dir(ltr)',
  'input:focus-visible:not(:disabled), :root, :scope > div',
  '.w-1\\/2',
  '#\\31 23',
  '.\\@sm',
  '[data-x="a \\" b"]',
  '.отправить',
  '-x-private, --custom',
  'div /* the composer */ > p',
];

const INVALID: [string, RegExp][] = [
  ['', /empty/u],
  ['   ', /empty/u],
  ['div[role="button"', /missing "\]"/u],
  ['div[role=]', /no value after its operator/u],
  ['div[role=button x]', /unknown attribute flag "x"/u],
  ['div[role==x]', /identifier or a quoted string/u],
  ['[aria-label=Message Body]', /unknown attribute flag "Body"/u],
  ['a[href$=".pdf" s]', /unknown attribute flag "s"/u],
  ['p:lang(en, ja)', /unexpected ","/u],
  ['a:has(:has(b))', /cannot be nested/u],
  ['div:is()', /empty selector before "\)"/u],
  ['div[=x]', /attribute name/u],
  ['div]', /unexpected "\]" at character 4/u],
  ['div:not(.a', /missing "\)"/u],
  ['div:not()', /empty selector before "\)"/u],
  ['div)', /unexpected "\)" at character 4/u],
  ['[title="Send]', /unterminated string/u],
  ["[title='Send]", /unterminated string/u],
  ['div >', /combinator ">" has no selector after it/u],
  ['div > , p', /combinator ">" has no selector after it/u],
  ['> div', /starts with the combinator ">"/u],
  ['div + + p', /combinator "\+" has no selector after it/u],
  ['div,', /ends with ","/u],
  [', div', /empty selector before ","/u],
  ['div,,p', /empty selector before ","/u],
  ['div.', /"\." must be followed by a class name/u],
  ['div.1col', /"\." must be followed by a class name/u],
  ['#1abc', /"#" must be followed by an id/u],
  ['button:contains("Send")', /unknown pseudo-class ":contains" \(a jQuery extension/u],
  ['button:visible', /jQuery/u],
  ['li:eq(0)', /jQuery/u],
  ['div:hovr', /unknown pseudo-class ":hovr"/u],
  ['div:not', /":not" needs an argument/u],
  ['div:hover()', /":hover" takes no argument/u],
  ['li:nth-child(x)', /odd, even or An\+B/u],
  ['li:nth-child(2n+1 of)', /"of" must be followed/u],
  ['p::before', /pseudo-element "::before" never matches/u],
  ['p:after', /pseudo-element ":after" never matches/u],
  ['svg|rect', /namespace/u],
  ['div\\', /lone "\\"/u],
  ['div & p', /unexpected "&"/u],
  ['div {color: red}', /unexpected "\{"/u],
  ['div /* open', /unterminated comment/u],
  ['.a*', /unexpected "\*" at character 3/u],
];

describe('checkSelectorSyntax', () => {
  it.each(VALID)('accepts %s', (selector) => {
    expect(checkSelectorSyntax(selector)).toEqual({ ok: true });
  });

  it.each(INVALID)('rejects %s', (selector, reason) => {
    const result = checkSelectorSyntax(selector);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toMatch(reason);
  });
});
