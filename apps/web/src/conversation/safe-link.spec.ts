import { safeLinkUrl } from './safe-link';

describe('pinned links rendered as links', () => {
  it('only absolute http and https URLs', () => {
    expect(safeLinkUrl(' https://example.com/slides ')?.href).toBe('https://example.com/slides');
    expect(safeLinkUrl('http://example.com')?.href).toBe('http://example.com/');
    for (const raw of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,<b>x</b>', 'ftp://example.com', '//example.com', '/relative', 'example.com', '']) {
      expect({ raw, url: safeLinkUrl(raw) }).toEqual({ raw, url: null });
    }
  });
});
