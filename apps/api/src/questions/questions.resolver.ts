import { randomUUID } from 'node:crypto';

import {
  askerVisibleTo,
  DomainError,
  DomainErrorCode,
  fieldAccessOfRole,
  normaliseQuestionText,
  type QuestionCommand,
  type QuestionStatus,
  type QuestionViewer,
  type QuestionVisibilityFacts,
  questionVisibleTo,
  type RoomCommand,
  RoomOperation,
} from '@roundtable/domain';
import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';

import type { AuthenticatedViewer } from '../auth/authenticator';
import { type GraphQLContext, requireViewer } from '../common/context';
import { QUESTION_NODE } from '../common/node.type';
import { LEAN_ENTITY } from '../database/lean-rows';
import { parseUuid } from '../common/ids';
import { parseFirst } from '../common/pagination';
import type { RequestScope } from '../common/request-scope';
import { ProfileType } from '../profiles/dto/profile.type';
import type { ProfileEntity } from '../profiles/profile.entity';
import { type GraphQLRoomEvent, type QuestionRecord } from '../rooms/dto/room-event.mapper';
import { RoomType } from '../rooms/dto/room.type';
import type { RoomEntity } from '../rooms/room.entity';
import { castQuestionVote, mergedQuestionsOf, type QuestionPage, questionPage, questionsByIds, upvotedBy } from './question.store';
import {
  AskQuestionInput,
  QuestionChangedEvent,
  QuestionConnectionType,
  QuestionOrder,
  QuestionOrderGql,
  QuestionStatusGql,
  QuestionType,
} from './question.type';

/** Most questions one `Room.questions` page returns. */
const QUESTION_PAGE_DEFAULT = 20;

/** A request's question loaders: one statement per kind per request (or per event of the fan-out). */
interface QuestionLoaders {
  readonly byId: DataLoader<string, QuestionRecord | null>;
  readonly merged: DataLoader<string, QuestionRecord[]>;
  readonly upvoted: DataLoader<string, boolean>;
}

const loadersByScope = new WeakMap<RequestScope, QuestionLoaders>();

function loaders(ctx: GraphQLContext): QuestionLoaders {
  let found = loadersByScope.get(ctx.scope);
  if (!found) {
    const em = ctx.scope.em;
    const viewerId = ctx.viewer?.profileId ?? null;
    found = {
      byId: new DataLoader(async (ids) => {
        const rows = new Map((await questionsByIds(em, ids)).map((row) => [row.id, row]));
        return ids.map((id) => rows.get(id) ?? null);
      }),
      merged: new DataLoader(async (ids) => {
        const byKept = await mergedQuestionsOf(em, ids);
        return ids.map((id) => byKept.get(id) ?? []);
      }),
      upvoted: new DataLoader(async (ids) => {
        const voted = viewerId === null ? new Set<string>() : await upvotedBy(em, viewerId, ids);
        return ids.map((id) => voted.has(id));
      }),
    };
    loadersByScope.set(ctx.scope, found);
  }
  return found;
}

/**
 * The viewer of questions in `roomId`: whether the access policy lets them see every question
 * and asker (`SEE_ALL_QUESTIONS`, by their role in the room; the subscription fan-out passes the
 * role it already knows).
 */
async function questionViewer(ctx: GraphQLContext, roomId: string): Promise<QuestionViewer> {
  const profileId = ctx.viewer?.profileId ?? null;
  if (profileId === null) return { profileId, moderates: false };
  const role = ctx.roomRoleHint !== undefined ? ctx.roomRoleHint : ((await ctx.scope.viewerParticipant.load(roomId))?.role ?? null);
  return { profileId, moderates: fieldAccessOfRole(role).has(RoomOperation.SeeAllQuestions) };
}

/** What `questionVisibleTo` reads of a question: a merged duplicate's kept question too (one loader batch). */
async function visibilityFacts(ctx: GraphQLContext, question: QuestionRecord): Promise<QuestionVisibilityFacts> {
  const kept = question.mergedIntoId === null ? null : await loaders(ctx).byId.load(question.mergedIntoId);
  return { askerId: question.askerId, status: question.status, mergedInto: kept ? { askerId: kept.askerId, status: kept.status } : null };
}

/** The question if `viewer` may see it, else null (contract `Question`). */
async function visibleTo(ctx: GraphQLContext, question: QuestionRecord | null, viewer: QuestionViewer): Promise<QuestionRecord | null> {
  if (!question) return null;
  return questionVisibleTo(await visibilityFacts(ctx, question), viewer) ? question : null;
}

/** The question if the viewer may see it, else null (contract `Question`). */
async function visible(ctx: GraphQLContext, question: QuestionRecord | null): Promise<QuestionRecord | null> {
  if (!question) return null;
  return visibleTo(ctx, question, await questionViewer(ctx, question.roomId));
}

/**
 * `node(id)` for a question: the question when the viewer may see its room (SEE) and the question
 * itself (`questionVisibleTo`), else null. Tagged for the Node interface's type resolution.
 */
export async function visibleQuestionNode(ctx: GraphQLContext, viewer: AuthenticatedViewer, id: string): Promise<object | null> {
  const question = await visible(ctx, await loaders(ctx).byId.load(id));
  if (!question || !(await ctx.services.roomQueries.findVisibleRoom(ctx.scope.em, viewer, question.roomId))) return null;
  return { ...question, [LEAN_ENTITY]: QUESTION_NODE };
}

/** A question mutation's answer: the question as stored now (after the command committed). */
async function questionAfter(ctx: GraphQLContext, id: string): Promise<QuestionRecord> {
  const [row] = await questionsByIds(ctx.scope.em, [id]);
  if (!row) throw DomainError.notFound('Question');
  return row;
}

/** The room of a question, for the access policy. @throws NOT_FOUND for an unknown question. */
async function roomOfQuestion(ctx: GraphQLContext, rawId: string, field = 'questionId'): Promise<QuestionRecord> {
  const id = parseUuid(rawId, field);
  const row = await loaders(ctx).byId.load(id);
  if (!row) throw DomainError.notFound('Question');
  return row;
}

/**
 * The question queue's mutations and fields (issue 16): asking (with a raised hand to ask in
 * person), votes, withdrawing, screening, answering (with a stage invitation the asker must
 * still accept), closing and merging duplicates, and `Room.questions`.
 *
 * Who may do each is the room access policy's (`ASK_QUESTION`, `VOTE_QUESTION`,
 * `WITHDRAW_QUESTION`, `MANAGE_QUESTIONS`, `CONFIGURE_CONVERSATION`, `SEE_ALL_QUESTIONS`); the
 * state rules are the domain's question queue; every change of a question's state is one
 * `QuestionChanged` in the room's version chain (`QuestionChain`). Votes are one short write each,
 * outside the chain.
 */
@Resolver(() => QuestionType)
export class QuestionsResolver {
  @Mutation(() => QuestionType, { description: 'Ask the stage a question; PENDING in a room that screens questions, else OPEN.' })
  async askQuestion(@Arg('input', () => AskQuestionInput) input: AskQuestionInput, @Ctx() ctx: GraphQLContext): Promise<QuestionRecord> {
    const viewer = requireViewer(ctx);
    const roomId = parseUuid(input.roomId, 'roomId');
    const text = normaliseQuestionText(input.text);
    // Screened before anything runs: a refused question changes nothing.
    const flags = ctx.services.screening.screen({ text });
    const questionId = randomUUID();
    const askInPerson = input.askInPerson === true;
    const command: QuestionCommand = { type: 'AskQuestion', questionId, askerId: viewer.profileId, text, anonymous: input.anonymous === true, askInPerson };
    const raiseHand: RoomCommand | null = askInPerson ? { type: 'RaiseHand', actorId: viewer.profileId, question: text } : null;
    const limiter = ctx.services.questionRateLimiter;
    await limiter.consume(viewer.profileId);
    try {
      await ctx.services.roomCommands.handleQuestionCommand(ctx.scope.em, viewer, roomId, { operation: RoomOperation.AskQuestion, command }, raiseHand);
    } catch (error) {
      // A refused question is not counted against the asker's rate.
      await limiter.refund(viewer.profileId);
      throw error;
    }
    await ctx.services.screening.fileFlagsNow(ctx.scope.em, viewer.profileId, roomId, flags);
    return questionAfter(ctx, questionId);
  }

  @Mutation(() => QuestionType, { description: 'Idempotent: one vote per profile per question. Not on PENDING or CLOSED questions.' })
  async upvoteQuestion(@Arg('questionId', () => ID) questionId: string, @Ctx() ctx: GraphQLContext): Promise<QuestionRecord> {
    return this.vote(ctx, questionId, true);
  }

  @Mutation(() => QuestionType)
  async removeQuestionUpvote(@Arg('questionId', () => ID) questionId: string, @Ctx() ctx: GraphQLContext): Promise<QuestionRecord> {
    return this.vote(ctx, questionId, false);
  }

  @Mutation(() => QuestionType, { description: 'The asker withdraws their own question (it becomes CLOSED).' })
  async withdrawQuestion(@Arg('questionId', () => ID) questionId: string, @Ctx() ctx: GraphQLContext): Promise<QuestionRecord> {
    const actorId = requireViewer(ctx).profileId;
    return this.command(ctx, questionId, RoomOperation.WithdrawQuestion, (id) => ({ type: 'WithdrawQuestion', questionId: id, actorId }));
  }

  @Mutation(() => QuestionType, { description: 'Host and moderators: a PENDING question becomes OPEN (approve) or CLOSED.' })
  async screenQuestion(
    @Arg('questionId', () => ID) questionId: string,
    @Arg('approve', () => Boolean) approve: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<QuestionRecord> {
    return this.command(ctx, questionId, RoomOperation.ManageQuestions, (id) => ({ type: 'ScreenQuestion', questionId: id, approve }));
  }

  @Mutation(() => QuestionType, {
    description:
      'Host and moderators: the question is being answered now (the previous ANSWERING one becomes ANSWERED). With inviteAsker, its asker is invited to the stage and must still accept.',
  })
  async answerQuestion(
    @Arg('questionId', () => ID) questionId: string,
    @Arg('inviteAsker', () => Boolean, { nullable: true, defaultValue: false }) inviteAsker: boolean | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<QuestionRecord> {
    const viewer = requireViewer(ctx);
    const question = await roomOfQuestion(ctx, questionId);
    // The existing stage invitation, in the same transaction: nobody goes on stage without consent.
    const invite: RoomCommand | null = inviteAsker === true ? { type: 'InviteToStage', actorId: viewer.profileId, targetId: question.askerId } : null;
    await ctx.services.roomCommands.handleQuestionCommand(
      ctx.scope.em,
      viewer,
      question.roomId,
      { operation: RoomOperation.ManageQuestions, command: { type: 'AnswerQuestion', questionId: question.id } },
      invite,
    );
    return questionAfter(ctx, question.id);
  }

  @Mutation(() => QuestionType, { description: 'Host and moderators.' })
  async markQuestionAnswered(@Arg('questionId', () => ID) questionId: string, @Ctx() ctx: GraphQLContext): Promise<QuestionRecord> {
    return this.command(ctx, questionId, RoomOperation.ManageQuestions, (id) => ({ type: 'MarkQuestionAnswered', questionId: id }));
  }

  @Mutation(() => QuestionType, { description: 'Host and moderators; the host also after the room ended.' })
  async dismissQuestion(@Arg('questionId', () => ID) questionId: string, @Ctx() ctx: GraphQLContext): Promise<QuestionRecord> {
    return this.command(ctx, questionId, RoomOperation.ModerateQuestions, (id) => ({ type: 'DismissQuestion', questionId: id }));
  }

  @Mutation(() => QuestionType, {
    description: 'Host and moderators: the duplicates become CLOSED and merged into intoId; votes and askers move over.',
  })
  async mergeQuestions(
    @Arg('intoId', () => ID) intoId: string,
    @Arg('questionIds', () => [ID]) questionIds: string[],
    @Ctx() ctx: GraphQLContext,
  ): Promise<QuestionRecord> {
    const duplicates = questionIds.map((id) => parseUuid(id, 'questionIds'));
    // Duplicates of another room are not in the kept question's room: the rules answer NOT_FOUND,
    // or CONFLICT when they are found in another room (below), and nothing changes.
    const kept = await roomOfQuestion(ctx, intoId, 'intoId');
    const others = (await loaders(ctx).byId.loadMany(duplicates)).filter((row): row is QuestionRecord => row !== null && !(row instanceof Error));
    if (others.some((row) => row.roomId !== kept.roomId)) {
      throw DomainError.conflict(DomainErrorCode.QuestionStateConflict, 'Questions of different rooms cannot be merged');
    }
    return this.command(ctx, kept.id, RoomOperation.ManageQuestions, (id) => ({ type: 'MergeQuestions', intoId: id, questionIds: duplicates }), kept);
  }

  // --- Question fields ---------------------------------------------------------------------

  @FieldResolver(() => RoomType)
  async room(@Root() question: QuestionRecord, @Ctx() ctx: GraphQLContext): Promise<RoomEntity | null> {
    return ctx.scope.room.load(question.roomId);
  }

  @FieldResolver(() => ProfileType, {
    nullable: true,
    description: 'Null for everyone but host, moderators and the asker when the asker chose to stay anonymous.',
  })
  async asker(@Root() question: QuestionRecord, @Ctx() ctx: GraphQLContext): Promise<ProfileEntity | null> {
    if (!askerVisibleTo(question, await questionViewer(ctx, question.roomId))) return null;
    return ctx.scope.profile.load(question.askerId);
  }

  @FieldResolver(() => Int, { description: 'Distinct profiles who upvoted this question or a question merged into it.' })
  upvoteCount(@Root() question: QuestionRecord): number {
    return question.upvoteCount;
  }

  @FieldResolver(() => Boolean)
  async viewerHasUpvoted(@Root() question: QuestionRecord, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return loaders(ctx).upvoted.load(question.mergedIntoId ?? question.id);
  }

  @FieldResolver(() => [QuestionType], { description: 'Duplicates a moderator merged into this question; their votes and askers count here.' })
  async mergedQuestions(@Root() question: QuestionRecord, @Ctx() ctx: GraphQLContext): Promise<QuestionRecord[]> {
    return loaders(ctx).merged.load(question.id);
  }

  @FieldResolver(() => QuestionType, { nullable: true, description: 'Set on a question that was merged into another.' })
  async mergedInto(@Root() question: QuestionRecord, @Ctx() ctx: GraphQLContext): Promise<QuestionRecord | null> {
    if (question.mergedIntoId === null) return null;
    return visible(ctx, await loaders(ctx).byId.load(question.mergedIntoId));
  }

  // --- helpers -------------------------------------------------------------------------------

  /** A vote: the policy's VOTE_QUESTION in the question's room, then one short write. */
  private async vote(ctx: GraphQLContext, rawId: string, up: boolean): Promise<QuestionRecord> {
    const viewer = requireViewer(ctx);
    const question = await roomOfQuestion(ctx, rawId);
    const found = await ctx.services.access.require(ctx.scope.em, viewer, question.roomId, RoomOperation.VoteQuestion);
    // A PENDING question of someone else does not exist for this viewer.
    const moderates = ctx.services.access.decide(RoomOperation.SeeAllQuestions, found.relation).allowed;
    if (!(await visibleTo(ctx, question, { profileId: viewer.profileId, moderates }))) throw DomainError.notFound('Question');
    const outcome = await castQuestionVote(ctx.scope.em, question.id, viewer.profileId, up);
    // The new count reaches the room in its next conversation tick (issue 17), not as a room event.
    if (outcome.changed) ctx.services.conversation.record(question.roomId, { kind: 'questionVotes', questionId: outcome.questionId, upvoteCount: outcome.upvoteCount });
    return questionAfter(ctx, outcome.questionId);
  }

  /** A question command of the question's room, through the room's command pipeline. */
  private async command(
    ctx: GraphQLContext,
    rawId: string,
    operation: RoomOperation,
    build: (questionId: string) => QuestionCommand,
    known?: QuestionRecord,
  ): Promise<QuestionRecord> {
    const viewer = requireViewer(ctx);
    const question = known ?? (await roomOfQuestion(ctx, rawId));
    await ctx.services.roomCommands.handleQuestionCommand(ctx.scope.em, viewer, question.roomId, { operation, command: build(question.id) });
    return questionAfter(ctx, question.id);
  }
}

/** `Room.questions` and `Room.screensQuestions`. */
@Resolver(() => RoomType)
export class RoomQuestionsResolver {
  @FieldResolver(() => QuestionConnectionType, {
    description: 'The questions the viewer may see (see Question). status defaults to every status the viewer may see.',
    complexity: ({ childComplexity, args }) => 5 + Number(args['first'] ?? QUESTION_PAGE_DEFAULT) * childComplexity,
  })
  async questions(
    @Root() room: RoomEntity,
    @Ctx() ctx: GraphQLContext,
    @Arg('status', () => [QuestionStatusGql], { nullable: true }) status: QuestionStatus[] | null,
    @Arg('order', () => QuestionOrderGql, { nullable: true, defaultValue: QuestionOrder.Top }) order: QuestionOrder | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: QUESTION_PAGE_DEFAULT }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<QuestionPage> {
    const viewer = await questionViewer(ctx, room.id);
    return questionPage(
      ctx.scope.em,
      { roomId: room.id, moderates: viewer.moderates, viewerId: viewer.profileId, statuses: status ? [...new Set(status)] : null, order: order ?? QuestionOrder.Top },
      parseFirst(first, QUESTION_PAGE_DEFAULT),
      after,
    );
  }

  @FieldResolver(() => Boolean, { description: 'Whether new questions wait for a moderator (PENDING) before the room sees them.' })
  screensQuestions(@Root() room: RoomEntity): boolean {
    return room.screensQuestions;
  }
}

/** `QuestionChanged.question`: the question as the event carries it, or null for a viewer who may not see it. */
@Resolver(() => QuestionChangedEvent)
export class QuestionChangedResolver {
  @FieldResolver(() => QuestionType, {
    nullable: true,
    description: 'Null for a viewer who may not see the question (a PENDING question of someone else, for a listener).',
  })
  async question(@Root() event: GraphQLRoomEvent, @Ctx() ctx: GraphQLContext): Promise<QuestionRecord | null> {
    return visible(ctx, event.question ?? null);
  }

  @FieldResolver(() => ID, {
    description:
      "The question's id, also when `question` is null for this viewer: a client drops a question it may no longer see (dismissed, or refused in screening) without reading the list again.",
  })
  questionId(@Root() event: GraphQLRoomEvent): string {
    return event.question?.id ?? '';
  }
}
