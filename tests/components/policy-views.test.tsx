import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { fromDraft, toDraft } from '../../components/options/field-drafts.ts';
import { OptionsView } from '../../components/options/OptionsView.tsx';
import { PopupView } from '../../components/popup/PopupView.tsx';
import { defaultPolicy } from '../../lib/policy/defaults.ts';
import type { PopupStatus } from '../../lib/policy/handlers.ts';
import { createMemoryArea } from '../../lib/policy/storage-area.ts';
import { createPolicyService } from '../../lib/policy/store.ts';
import { acmePolicy } from '../lib/policy/fixtures.ts';

async function stateFor(managed: unknown) {
  const service = createPolicyService({ managed: { read: async () => managed, watch: () => undefined }, store: createMemoryArea(), defaults: defaultPolicy() });
  return service.start(new AbortController().signal);
}

const noSave = async () => {
  throw new Error('not called');
};

describe('OptionsView', () => {
  it('marks every admin field data-locked="true" and leaves user-editable ones open', async () => {
    const html = renderToStaticMarkup(<OptionsView state={await stateFor(acmePolicy({ userEditable: ['userLabel'] }))} language="en" onSave={noSave} auditUrl="audit.html" />);
    expect(html).toContain('<div class="field" data-field="organization" data-locked="true">');
    expect(html).toContain('title="Set by your administrator"');
    expect(html).toMatch(/<div class="field" data-field="userLabel">[\s\S]*?<input id="field-userLabel"/u);
    expect(html).toContain('Managed by Acme');
    expect(html).not.toContain('role="alert"');
  });

  it('lists managed-policy errors in a role="alert" panel, in the user’s language', async () => {
    const html = renderToStaticMarkup(<OptionsView state={await stateFor(acmePolicy({ defaultRegion: 'Russia' }))} language="ru" onSave={noSave} auditUrl="audit.html" />);
    expect(html).toMatch(/<section role="alert"[^>]*>[\s\S]*data-path="defaultRegion"/u);
    expect(html).toContain('Корректная политика ещё не получена');
    expect(html).toContain('Регион для местных номеров');
  });

  it('lets everything be edited when no administrator manages the policy', async () => {
    const html = renderToStaticMarkup(<OptionsView state={await stateFor(undefined)} language="ja" onSave={noSave} auditUrl="audit.html" />);
    expect(html).not.toContain('data-locked');
    expect(html).toContain('管理者のポリシーはありません');
    expect(html).toContain('<select id="field-mode">');
  });
});

describe('field drafts', () => {
  it.each([
    ['lines', ['a.example', 'b.example'], 'a.example\nb.example', ['a.example', 'b.example']],
    ['boolean', true, true, true],
    ['integer', 12, '12', 12],
    ['text', undefined, '', undefined],
    ['json', { en: 'x' }, '{\n  "en": "x"\n}', { en: 'x' }],
  ] as const)('%s round-trips', (kind, value, draft, back) => {
    expect(toDraft(kind, value)).toEqual(draft);
    expect(fromDraft(kind, draft)).toEqual({ ok: true, value: back });
  });

  it('rejects broken JSON', () => expect(fromDraft('json', '{')).toEqual({ ok: false, reason: 'json' }));
});

describe('PopupView', () => {
  const status: PopupStatus = {
    protected: true, adapter: 'roundcube', composers: 1, site: 'mail.acme.example', mode: 'block',
    managedBy: 'Acme', source: 'managed', policyErrors: 0, counts: { blocked: 3, replaced: 1 }, countsError: null,
  };

  it('shows protection, adapter, mode, manager, today’s counts and the audit link', () => {
    const html = renderToStaticMarkup(<PopupView status={status} language="en" auditUrl="audit.html" onOpenOptions={() => undefined} />);
    expect(html).toContain('data-protected="true"');
    expect(html).toContain('Site: roundcube');
    expect(html).toContain('data-mode="block"');
    expect(html).toContain('Managed by Acme');
    expect(html).toContain('<li data-decision="blocked">blocked: 3</li>');
    expect(html).toContain('href="audit.html"');
  });

  it('says when a tab is not protected and counts are unavailable', () => {
    const html = renderToStaticMarkup(
      <PopupView status={{ ...status, protected: false, adapter: null, countsError: 'x', managedBy: null }} language="ja" auditUrl="audit.html" onOpenOptions={() => undefined} />,
    );
    expect(html).toContain('このタブは保護されていません');
    expect(html).toContain('今日の件数を取得できません');
    expect(html).toContain('管理者による管理なし');
  });
});
