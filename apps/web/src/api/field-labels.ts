/**
 * What a person reads for each input the API may name in a BAD_USER_INPUT error's
 * `extensions.field`: the label the form shows, never the API's field name ("maxSpeakers must be
 * between 2 and 50" reads "Speakers on stage (max) must be between 2 and 50"). Every argument and
 * input field of the served schema has an entry (`field-labels.spec.ts` checks it against
 * `apps/web/schema.graphql`), plus the fields only the server's own rules name.
 */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  action: 'Decision',
  after: 'The list position',
  anonymous: 'Ask anonymously',
  approve: 'Approve',
  askInPerson: 'Ask it in person',
  avatarUrl: 'Photo URL',
  ban: 'Ban',
  category: 'What is wrong',
  chatMessageId: 'The message',
  chatMode: 'Who can write',
  chatSlowModeSeconds: 'Seconds between messages',
  company: 'Company',
  description: 'Description',
  details: 'Details',
  displayName: 'Display name',
  filter: 'Filter',
  first: 'Page size',
  groupId: 'Group',
  headline: 'Headline',
  hostId: 'The host',
  id: 'The link',
  industry: 'Industry',
  input: 'The form',
  interests: 'Interests',
  intoId: 'The question to keep',
  inviteAsker: 'Invite the asker to the stage',
  inviteeIds: 'Invitees',
  joinPolicy: 'Who can join',
  level: 'Notifications',
  maxSpeakers: 'Speakers on stage (max)',
  messageId: 'The message',
  mode: 'Feed',
  moderator: 'Moderator',
  name: 'Group name',
  note: 'Note',
  order: 'Order',
  noticeId: 'The notice',
  pinnedLinks: 'Pinned links',
  profileId: 'The person',
  query: 'Search',
  reaction: 'Reaction',
  remind: 'Remind me',
  question: 'Your question',
  reportId: 'The report',
  requestId: 'The request',
  roomId: 'The room',
  scheduledFor: 'Scheduled time',
  search: 'Search',
  seniority: 'Seniority',
  sinceVersion: 'The live position',
  skills: 'Skills',
  statement: 'Your appeal',
  status: 'Show',
  title: 'Title',
  topic: 'Topic',
  topics: 'Topics',
  topicSlug: 'Topic',
  unreadOnly: 'Unread only',
  upheld: 'Decision',
  upToId: 'The notification',
  url: 'Link',
  visibility: 'Who can join',
  questionId: 'The question',
  questionIds: 'Questions',
  screensQuestions: 'Screen questions',
  text: 'Your text',
  // Named only by the server's rules.
  suspensionMs: 'Suspension length',
};

/** A field of one item of a list input, as the server names it: `pinnedLinks.1.title` (items from 0). */
const ITEM_FIELD = /^([A-Za-z]+)\.(\d+)\.([A-Za-z]+)$/;

/**
 * The label for `field`; an unknown name is spelled out in words ("fooBarId" → "Foo bar"), never
 * shown raw. An item's field reads with the item's number from 1: `pinnedLinks.1.url` → "Link
 * (item 2 of pinned links)".
 */
export function labelForField(field: string): string {
  const known = FIELD_LABELS[field];
  if (known) return known;
  const item = ITEM_FIELD.exec(field);
  if (item) return `${labelForField(item[3] ?? '')} (item ${Number(item[2]) + 1} of ${labelForField(item[1] ?? '').toLowerCase()})`;
  const words = field
    .replace(/Ids?$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'This field';
}

/**
 * The server's sentence about `field`, with the field's API name (its first whole-word mention)
 * replaced by its label, and "a valid id" said plainly: "displayName must not be empty" →
 * "Display name must not be empty"; "id is not a valid id" → "The link is not valid".
 */
export function readableFieldMessage(field: string, message: string): string {
  const label = labelForField(field);
  const escaped = field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return message
    .replace(new RegExp(`(^|[^A-Za-z0-9_])${escaped}(?![A-Za-z0-9_])`), (_match, before: string) =>
      before === '' ? label : `${before}${label.charAt(0).toLowerCase()}${label.slice(1)}`,
    )
    .replace(/\bis not a valid id\b/, 'is not valid');
}
