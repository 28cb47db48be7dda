import { ApiError } from '../api/api-error';
import type { ChatMode } from '../gql/graphql';

/**
 * What the send box says under the field when a message is refused (the text stays in the box),
 * or null when the refusal is not about this message (then it shows as a message in plain words).
 * - BAD_USER_INPUT on `text`: the server's sentence, naming the box by its label;
 * - RATE_LIMITED: slow mode or the sender's rate, with "try again in N s";
 * - CONFLICT: the chat mode refuses this writer (stage only, or off).
 */
export function chatSendErrorText(error: unknown, mode: ChatMode, slowModeSeconds: number): string | null {
  if (!(error instanceof ApiError)) return null;
  switch (error.code) {
    case 'BAD_USER_INPUT': {
      const text = error.fieldErrors['text'];
      return text ? text.replace(/^Your text\b/, 'Your message') : null;
    }
    case 'RATE_LIMITED': {
      const wait = error.retryAfterSeconds !== null ? ` Try again in ${Math.max(1, Math.ceil(error.retryAfterSeconds))} s.` : ' Try again in a moment.';
      return mode === 'SLOW' ? `Slow mode: one message every ${slowModeSeconds} s.${wait}` : `You are sending messages faster than this room allows.${wait}`;
    }
    case 'CONFLICT':
      return `${error.message.replace(/\.?$/, '.')} Your message was not sent.`;
    default:
      return null;
  }
}

/** The banner over the send box for the room's chat mode, or null when anyone may write freely. */
export function chatModeBanner(mode: ChatMode, slowModeSeconds: number, viewerOnStage: boolean): string | null {
  switch (mode) {
    case 'OPEN':
      return null;
    case 'SLOW':
      return viewerOnStage ? `Slow mode: one message every ${slowModeSeconds} s for the audience (not for the stage).` : `Slow mode: one message every ${slowModeSeconds} s.`;
    case 'STAGE_ONLY':
      return viewerOnStage ? 'Only the stage writes in the chat now; the audience reads.' : 'Only the stage writes in the chat now.';
    case 'OFF':
      return 'The chat is off. Earlier messages stay readable.';
  }
}

