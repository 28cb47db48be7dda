import fc from 'fast-check';

import { DomainErrorCode } from '../errors/domain-error';
import { CHAT_LIMITS, ChatMode, checkSlowModeSeconds, decideChatWrite, mentionHandles, mentionKeyOfName, normaliseChatText, normalisePinnedLinks } from './chat-rules';

const NOW = new Date('2026-12-07T10:00:00Z');
const secondsAgo = (s: number) => new Date(NOW.getTime() - s * 1000);

describe('chat text', () => {
  it('is trimmed and 1–1000 code points (an emoji counts once)', () => {
    expect(normaliseChatText('  hi  ')).toBe('hi');
    expect(normaliseChatText('🎤'.repeat(1000))).toHaveLength(2000);
    expect(() => normaliseChatText('   ')).toThrow(expect.objectContaining({ code: DomainErrorCode.InvalidInput, field: 'text' }));
    expect(() => normaliseChatText('x'.repeat(1001))).toThrow(expect.objectContaining({ field: 'text' }));
  });
});

describe('chat modes', () => {
  const write = (mode: ChatMode, onStage: boolean, lastSentAt: Date | null = null) =>
    decideChatWrite({ mode, slowModeSeconds: 30, onStage, lastSentAt, now: NOW });

  it('OPEN lets everyone write; OFF no one; STAGE_ONLY the stage only', () => {
    expect(write(ChatMode.Open, false)).toEqual({ allowed: true });
    expect(write(ChatMode.Off, true)).toMatchObject({ allowed: false, kind: 'closed' });
    expect(write(ChatMode.StageOnly, true)).toEqual({ allowed: true });
    expect(write(ChatMode.StageOnly, false)).toMatchObject({ allowed: false, kind: 'closed' });
  });

  it('SLOW holds a listener to one message per interval and says how long to wait; the stage is not slowed', () => {
    expect(write(ChatMode.Slow, false, secondsAgo(10))).toEqual({ allowed: false, kind: 'slow', retryAfterSeconds: 20 });
    expect(write(ChatMode.Slow, false, secondsAgo(30))).toEqual({ allowed: true });
    expect(write(ChatMode.Slow, false, null)).toEqual({ allowed: true });
    expect(write(ChatMode.Slow, true, secondsAgo(1))).toEqual({ allowed: true });
  });

  it('property: a slowed writer is told to wait exactly until the interval has passed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3600 }), fc.integer({ min: 0, max: 7200_000 }), (interval, agoMs) => {
        const lastSentAt = new Date(NOW.getTime() - agoMs);
        const decision = decideChatWrite({ mode: ChatMode.Slow, slowModeSeconds: interval, onStage: false, lastSentAt, now: NOW });
        if (agoMs >= interval * 1000) return decision.allowed;
        return !decision.allowed && decision.kind === 'slow' && decision.retryAfterSeconds === Math.ceil((interval * 1000 - agoMs) / 1000);
      }),
    );
  });

  it('slow mode is 1–3600 seconds', () => {
    expect(checkSlowModeSeconds(1)).toBe(1);
    expect(() => checkSlowModeSeconds(0)).toThrow(expect.objectContaining({ field: 'chatSlowModeSeconds' }));
    expect(() => checkSlowModeSeconds(3601)).toThrow(expect.objectContaining({ field: 'chatSlowModeSeconds' }));
  });
});

describe('@ mentions', () => {
  it('finds each @ word once, lower-cased, not inside an email address', () => {
    expect(mentionHandles('@Ada what about @demo-bob, and @ada again? mail me at x@example.com')).toEqual(['ada', 'demo-bob']);
    expect(mentionHandles('no mentions here')).toEqual([]);
    expect(mentionHandles('@Zoë.')).toEqual(['zoë']);
  });

  it(`keeps at most ${CHAT_LIMITS.mentionsMax}`, () => {
    const text = Array.from({ length: 30 }, (_, i) => `@p${i}`).join(' ');
    expect(mentionHandles(text)).toHaveLength(CHAT_LIMITS.mentionsMax);
  });

  it('a display name answers without its spaces', () => {
    expect(mentionKeyOfName('Ada  Lovelace')).toBe('adalovelace');
  });
});

describe('pinned links (kind: a link that runs code when clicked)', () => {
  it('keeps http and https links, normalised, with trimmed titles', () => {
    expect(normalisePinnedLinks([{ url: ' https://example.com/slides ', title: '  Slides ' }, { url: 'http://example.org' }])).toEqual([
      { url: 'https://example.com/slides', title: 'Slides' },
      { url: 'http://example.org/', title: null },
    ]);
  });

  it.each(['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'ftp://example.com', 'example.com', ''])(
    'refuses %j with BAD_USER_INPUT on pinnedLinks',
    (url) => {
      expect(() => normalisePinnedLinks([{ url }])).toThrow(expect.objectContaining({ code: DomainErrorCode.InvalidInput, field: 'pinnedLinks' }));
    },
  );

  it(`refuses more than ${CHAT_LIMITS.pinnedLinksMax} links, and the same link twice`, () => {
    const links = Array.from({ length: 6 }, (_, i) => ({ url: `https://example.com/${i}` }));
    expect(() => normalisePinnedLinks(links)).toThrow(expect.objectContaining({ field: 'pinnedLinks' }));
    expect(() => normalisePinnedLinks([{ url: 'https://a.example/' }, { url: 'https://a.example' }])).toThrow(expect.objectContaining({ field: 'pinnedLinks' }));
  });
});
