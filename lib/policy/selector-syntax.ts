/**
 * Syntax check for the CSS selectors an admin puts in a policy's `sites[].selectors` (issue 5).
 *
 * The content script runs these selectors with `querySelectorAll`, which throws on a syntax error,
 * and a typo should fail `channel-guard policy validate` rather than a user's compose window. The
 * CLI runs in Node without a DOM, so this is a small recursive-descent parser for the selectors a
 * browser accepts in `querySelectorAll` (Selectors Level 4): type/universal, #id, .class,
 * [attribute op value i], the pseudo-classes Chromium and Firefox implement (functional ones with
 * their argument grammar), and the four combinators. It is deliberately stricter than a browser
 * where the browser would accept something that is almost surely a mistake: a bracket, paren or
 * quote left open at the end (CSS error recovery closes it silently), an empty `:is()`/`:where()`,
 * pseudo-elements and namespace prefixes (they never match an element in a page query), and the
 * nesting selector `&`. jQuery's `:contains`/`:visible`/`:eq` are not CSS: rejected with a hint.
 */

export type SelectorSyntax = { ok: true } | { ok: false; reason: string };

/** Pseudo-classes without arguments that Chromium and Firefox both accept in `querySelectorAll`. */
const PLAIN_PSEUDO_CLASSES = new Set([
  'active', 'any-link', 'autofill', 'checked', 'default', 'defined', 'disabled', 'empty', 'enabled',
  'first-child', 'first-of-type', 'focus', 'focus-visible', 'focus-within', 'fullscreen', 'hover', 'in-range',
  'indeterminate', 'invalid', 'last-child', 'last-of-type', 'link', 'modal', 'only-child', 'only-of-type',
  'optional', 'out-of-range', 'placeholder-shown', 'popover-open', 'read-only',
  'read-write', 'required', 'root', 'scope', 'target', 'user-invalid', 'user-valid', 'valid', 'visited',
]);

/** Functional pseudo-classes, by the grammar of their argument. */
const FUNCTIONAL_PSEUDO_CLASSES: Record<string, 'selector-list' | 'relative-list' | 'nth' | 'nth-of' | 'ident' | 'compound'> = {
  not: 'selector-list',
  is: 'selector-list',
  where: 'selector-list',
  has: 'relative-list',
  'nth-child': 'nth-of',
  'nth-last-child': 'nth-of',
  'nth-of-type': 'nth',
  'nth-last-of-type': 'nth',
  // Chromium takes one language range only (no list, no string).
  lang: 'ident',
  dir: 'ident',
  state: 'ident',
  host: 'compound',
  'host-context': 'compound',
};

/** Written with one colon for historical reasons, still pseudo-elements. */
const LEGACY_PSEUDO_ELEMENTS = new Set(['before', 'after', 'first-line', 'first-letter']);

/** jQuery/Sizzle extensions admins copy from old scripts. */
const JQUERY_PSEUDOS = new Set(['contains', 'visible', 'hidden', 'eq', 'gt', 'lt', 'first', 'last', 'even', 'odd', 'input', 'button', 'text', 'selected', 'header', 'animated', 'parent']);

class SyntaxProblem extends Error {}

const WHITESPACE = new Set([' ', '\t', '\n', '\r', '\f']);
const COMBINATORS = new Set(['>', '+', '~']);
const HEX = /^[0-9a-fA-F]$/u;

export function checkSelectorSyntax(selector: string): SelectorSyntax {
  try {
    new SelectorParser(selector).parseAll();
    return { ok: true };
  } catch (error) {
    if (error instanceof SyntaxProblem) return { ok: false, reason: error.message };
    throw error;
  }
}

class SelectorParser {
  private i = 0;
  private inHas = false;

  constructor(private readonly src: string) {}

  parseAll(): void {
    if (this.src.trim() === '') this.fail('the selector is empty');
    this.selectorList(false, null);
    if (this.i < this.src.length) this.unexpected();
  }

  // ---- grammar ------------------------------------------------------------------------------

  /** `complex ( "," complex )*`, up to `closer` (")" inside a pseudo-class) or the end. */
  private selectorList(relative: boolean, closer: ')' | null): void {
    for (;;) {
      this.skipSpace();
      const c = this.peek();
      if (c === undefined && closer) this.fail('missing ")" at the end');
      if (c === undefined) this.fail('the selector list ends with ","');
      if (c === ',' || c === closer) this.fail(`empty selector before "${c}" at ${this.where()}`);
      this.complex(relative);
      this.skipSpace();
      if (this.peek() !== ',') return;
      this.i += 1;
    }
  }

  /** `compound ( combinator? compound )*`; a relative selector (inside :has) may start with a combinator. */
  private complex(relative: boolean): void {
    const first = this.peek();
    if (first !== undefined && COMBINATORS.has(first)) {
      if (!relative) this.fail(`the selector starts with the combinator "${first}" at ${this.where()}`);
      this.i += 1;
      this.skipSpace();
      this.requireCompoundAfter(first);
    } else {
      this.compound();
    }
    for (;;) {
      const spaced = this.skipSpace();
      const c = this.peek();
      if (c !== undefined && COMBINATORS.has(c)) {
        this.i += 1;
        this.skipSpace();
        this.requireCompoundAfter(c);
      } else if (spaced && c !== undefined && c !== ',' && c !== ')') {
        this.compound();
      } else {
        return;
      }
    }
  }

  private requireCompoundAfter(combinator: string): void {
    const c = this.peek();
    if (c === undefined || c === ',' || c === ')' || COMBINATORS.has(c)) {
      this.fail(`the combinator "${combinator}" has no selector after it (at ${this.where()})`);
    }
    this.compound();
  }

  /** Optional type or `*`, then any number of #id, .class, [attr], :pseudo. Never empty. */
  private compound(): void {
    const start = this.i;
    const c = this.peek();
    if (c === '*') this.i += 1;
    else if (this.atIdentStart()) this.ident();
    if (this.peek() === '|') this.fail(`namespace prefixes ("|") cannot be used: no namespace is declared for a page query (at ${this.where()})`);
    for (;;) {
      const d = this.peek();
      if (d === '#') {
        this.i += 1;
        if (!this.atIdentStart()) this.fail(`"#" must be followed by an id that does not start with a digit (at ${this.where()})`);
        this.ident();
      } else if (d === '.') {
        this.i += 1;
        if (!this.atIdentStart()) this.fail(`"." must be followed by a class name (at ${this.where()})`);
        this.ident();
      } else if (d === '[') {
        this.attribute();
      } else if (d === ':') {
        this.pseudo();
      } else {
        break;
      }
    }
    if (this.i === start) this.unexpected();
  }

  /** `[name]`, `[name op value]`, `[name op value i|s]`. */
  private attribute(): void {
    const open = this.i;
    this.i += 1;
    this.skipSpace();
    if (!this.atIdentStart()) {
      if (this.peek() === undefined) this.fail(`missing "]" for "[" at ${open + 1}`);
      this.fail(`an attribute name must follow "[" (at ${this.where()})`);
    }
    this.ident();
    this.skipSpace();
    if (this.peek() === '|' && this.src[this.i + 1] !== '=') this.fail(`namespace prefixes ("|") cannot be used in attribute selectors (at ${this.where()})`);
    if (this.peek() === ']') {
      this.i += 1;
      return;
    }
    const op = this.peek();
    if (op === '=') this.i += 1;
    else if (op !== undefined && '~|^$*'.includes(op) && this.src[this.i + 1] === '=') this.i += 2;
    else if (op === undefined) this.fail(`missing "]" for "[" at ${open + 1}`);
    else this.fail(`expected "]" or an operator (=, ~=, |=, ^=, $=, *=) in the attribute selector, got "${op}" at ${this.where()}`);
    this.skipSpace();
    const v = this.peek();
    if (v === '"' || v === "'") this.string();
    else if (this.atIdentStart()) this.ident();
    else if (v === undefined || v === ']') this.fail(`the attribute selector has no value after its operator (at ${this.where()})`);
    else this.fail(`an attribute value must be an identifier or a quoted string, got "${v}" at ${this.where()} (quote it)`);
    this.skipSpace();
    if (this.atIdentStart()) {
      const flag = this.ident();
      // Chromium rejects the `s` flag that Firefox accepts; `i` works in both.
      if (flag.toLowerCase() !== 'i') this.fail(`unknown attribute flag "${flag}" (only i, for case-insensitive)`);
      this.skipSpace();
    }
    if (this.peek() === undefined) this.fail(`missing "]" for "[" at ${open + 1}`);
    if (this.peek() !== ']') this.unexpected();
    this.i += 1;
  }

  private pseudo(): void {
    this.i += 1;
    if (this.peek() === ':') {
      this.i += 1;
      const name = this.atIdentStart() ? this.ident() : '';
      this.fail(`the pseudo-element "::${name}" never matches an element`);
    }
    if (!this.atIdentStart()) this.fail(`":" must be followed by a pseudo-class name (at ${this.where()})`);
    const name = this.ident();
    const lower = name.toLowerCase();
    if (LEGACY_PSEUDO_ELEMENTS.has(lower)) this.fail(`the pseudo-element ":${name}" never matches an element`);
    if (this.peek() !== '(') {
      if (PLAIN_PSEUDO_CLASSES.has(lower)) return;
      if (lower in FUNCTIONAL_PSEUDO_CLASSES) this.fail(`":${name}" needs an argument in parentheses`);
      this.unknownPseudo(name);
    }
    const kind = FUNCTIONAL_PSEUDO_CLASSES[lower];
    if (!kind) {
      if (PLAIN_PSEUDO_CLASSES.has(lower)) this.fail(`":${name}" takes no argument`);
      this.unknownPseudo(name);
    }
    const open = this.i;
    this.i += 1;
    switch (kind) {
      case 'selector-list':
        this.selectorList(false, ')');
        break;
      case 'relative-list':
        if (this.inHas) this.fail(`":has()" cannot be nested inside ":has()"`);
        this.inHas = true;
        this.selectorList(true, ')');
        this.inHas = false;
        break;
      case 'nth':
        this.nth(name);
        break;
      case 'nth-of':
        this.nth(name);
        if (this.skipSpace() && this.atIdentStart()) {
          const save = this.i;
          if (this.ident().toLowerCase() !== 'of') {
            this.i = save;
            this.unexpected();
          }
          if (!this.skipSpace()) this.fail(`"of" must be followed by a space and a selector (at ${this.where()})`);
          this.selectorList(false, ')');
        }
        break;
      case 'ident':
        this.skipSpace();
        if (!this.atIdentStart()) this.fail(`":${name}()" needs a name (at ${this.where()})`);
        this.ident();
        break;
      case 'compound':
        this.skipSpace();
        this.compound();
        break;
    }
    this.skipSpace();
    if (this.peek() === undefined) this.fail(`missing ")" for "(" at ${open + 1}`);
    if (this.peek() !== ')') this.unexpected();
    this.i += 1;
  }

  private unknownPseudo(name: string): never {
    const hint = JQUERY_PSEUDOS.has(name.toLowerCase()) ? ' (a jQuery extension, not CSS)' : '';
    this.fail(`unknown pseudo-class ":${name}"${hint}`);
  }

  /** `odd`, `even`, or An+B (`2n+1`, `-n+3`, `n`, `5`). */
  private nth(name: string): void {
    this.skipSpace();
    const rest = this.src.slice(this.i);
    const m = /^(?:odd|even|[+-]?\d*n(?:\s*[+-]\s*\d+)?|[+-]?\d+)(?![\w-])/iu.exec(rest);
    if (!m) this.fail(`":${name}()" needs odd, even or An+B such as 2n+1 (at ${this.where()})`);
    this.i += m[0].length;
  }

  // ---- tokens ------------------------------------------------------------------------------

  private peek(): string | undefined {
    return this.src[this.i];
  }

  /** Skips whitespace and comments; true when something was skipped. */
  private skipSpace(): boolean {
    const start = this.i;
    for (;;) {
      const c = this.peek();
      if (c !== undefined && WHITESPACE.has(c)) this.i += 1;
      else if (c === '/' && this.src[this.i + 1] === '*') {
        const end = this.src.indexOf('*/', this.i + 2);
        if (end < 0) this.fail(`unterminated comment at ${this.i + 1}`);
        this.i = end + 2;
      } else return this.i > start;
    }
  }

  private isNameStart(c: string | undefined): boolean {
    return c !== undefined && (/[a-zA-Z_]/u.test(c) || c.charCodeAt(0) >= 0x80);
  }

  private isNameChar(c: string | undefined): boolean {
    return c !== undefined && (/[a-zA-Z0-9_-]/u.test(c) || c.charCodeAt(0) >= 0x80);
  }

  private isEscapeAt(at: number): boolean {
    return this.src[at] === '\\' && this.src[at + 1] !== '\n' && this.src[at + 1] !== '\r' && this.src[at + 1] !== '\f';
  }

  /** CSS Syntax 4.3.9 "would start an identifier". */
  private atIdentStart(): boolean {
    const a = this.src[this.i];
    const b = this.src[this.i + 1];
    if (a === '-') return b === '-' || this.isNameStart(b) || this.isEscapeAt(this.i + 1);
    if (a === '\\' && this.i + 1 >= this.src.length) this.fail('the selector ends with a lone "\\"');
    return this.isNameStart(a) || this.isEscapeAt(this.i);
  }

  private ident(): string {
    const start = this.i;
    for (;;) {
      const c = this.peek();
      if (this.isNameChar(c)) this.i += 1;
      else if (c === '\\') this.escape();
      else break;
    }
    return this.src.slice(start, this.i);
  }

  private escape(): void {
    const at = this.i;
    this.i += 1;
    const c = this.peek();
    if (c === undefined) this.fail('the selector ends with a lone "\\"');
    if (c === '\n' || c === '\r' || c === '\f') this.fail(`a "\\" cannot escape a line break (at ${at + 1})`);
    if (HEX.test(c)) {
      let n = 0;
      while (n < 6 && this.peek() !== undefined && HEX.test(this.peek()!)) {
        this.i += 1;
        n += 1;
      }
      const next = this.peek();
      if (next !== undefined && WHITESPACE.has(next)) this.i += 1;
    } else {
      this.i += 1;
    }
  }

  private string(): void {
    const quote = this.peek()!;
    const open = this.i;
    this.i += 1;
    for (;;) {
      const c = this.peek();
      if (c === undefined) this.fail(`unterminated string: the ${quote} opened at ${open + 1} is never closed`);
      if (c === '\n' || c === '\r' || c === '\f') this.fail(`unterminated string: a line break inside the ${quote} opened at ${open + 1}`);
      if (c === quote) {
        this.i += 1;
        return;
      }
      if (c === '\\') {
        const next = this.src[this.i + 1];
        if (next === undefined) this.fail(`unterminated string: the ${quote} opened at ${open + 1} is never closed`);
        this.i += 2;
      } else {
        this.i += 1;
      }
    }
  }

  // ---- errors ------------------------------------------------------------------------------

  /** 1-based character position, as an admin counts. */
  private where(): string {
    return this.i >= this.src.length ? 'the end' : `character ${this.i + 1}`;
  }

  private unexpected(): never {
    const c = this.peek();
    if (c === undefined) this.fail('the selector ends too early');
    if (c === ')') this.fail(`unexpected ")" at ${this.where()} (no matching "(")`);
    if (c === ']') this.fail(`unexpected "]" at ${this.where()} (no matching "[")`);
    this.fail(`unexpected "${c}" at ${this.where()}`);
  }

  private fail(reason: string): never {
    throw new SyntaxProblem(reason);
  }
}
