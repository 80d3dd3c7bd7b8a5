import { escapeHtml, html, renderPage, SafeHtml } from './layout.js';
import { renderQueuePage } from './queue.page.js';
import { renderSignInPage } from './sign-in.page.js';

const ATTACK = `<script>alert("x")</script>' onmouseover='x' \`&`;

describe('page escaping', () => {
  it('escapes every HTML-significant character', () => {
    expect(escapeHtml(`<a href="x">'&'</a>\``)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;&#96;');
    expect(escapeHtml(42)).toBe('42');
  });

  it('html escapes interpolated values, keeps its own fragments, renders nothing for null/undefined/false', () => {
    const row = html`<td>${ATTACK}</td>`;
    expect(row).toBeInstanceOf(SafeHtml);
    const table = html`<tr>${[row, row]}</tr>${null}${undefined}${false}${0}`;
    expect(table.toString()).not.toContain('<script>');
    expect(table.toString()).toBe(
      `<tr>${'<td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; onmouseover=&#39;x&#39; &#96;&amp;</td>'.repeat(2)}</tr>0`,
    );
  });

  it('the layout escapes the title, the reviewer and the CSRF token', () => {
    const page = renderPage({ title: ATTACK, body: html`<p>ok</p>`, csrfToken: '"><script>', reviewer: { displayName: ATTACK, role: 'REVIEWER' } });
    expect(page).not.toContain('<script>');
    expect(page).toContain('Signed in as <strong>&lt;script&gt;');
    expect(page).toContain('<link rel="stylesheet" href="/assets/admin.css">');
    expect(page).not.toMatch(/<script|style=|<style/);
  });

  it('the sign-in page shows the typed email escaped and the refusal, never a password field value', () => {
    const page = renderSignInPage({ csrfToken: 'tok', email: `x"@example.com`, error: 'The email or password is not correct.' });
    expect(page).toContain('value="x&quot;@example.com"');
    expect(page).toContain('role="alert">The email or password is not correct.</p>');
    expect(page).toContain('<input type="hidden" name="_csrf" value="tok">');
    expect(page).toMatch(/<input id="password" name="password" type="password"[^>]*required maxlength="256">/);
    expect(page).not.toContain('Signed in as');
  });

  it('the queue page names the signed-in reviewer and shows the empty state', () => {
    const page = renderQueuePage({
      reviewer: { displayName: 'Lee Jiwoo', role: 'REVIEWER' },
      reviewerId: 'r1',
      csrfToken: 'tok',
      filter: { overdueOnly: false },
      page: { items: [], nextCursor: null },
    });
    expect(page).toContain('Signed in as <strong>Lee Jiwoo</strong> (REVIEWER)');
    expect(page).toContain('No applications yet');
    expect(page).toContain('action="/logout"');
  });
});
