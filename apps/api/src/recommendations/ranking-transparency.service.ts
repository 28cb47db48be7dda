import {
  FEATURE_DIM,
  FEATURE_GROUPS,
  type FeatureGroup,
  HEURISTIC_MODEL_VERSION,
  heuristicBatchScorer,
  occlusionImportance,
  RANKING_PARAMETER_TEXTS,
  transparencyReferenceFeatures,
} from '@roundtable/ranking';
import type { Logger } from 'pino';

import { FeedMode } from './recommendation-controls.service';

/** `RankingParameter`. */
export interface RankingParameter {
  readonly name: string;
  readonly description: string;
  /** 0–1; the parameters add up to 1. */
  readonly importance: number;
}

/** `RankingTransparency`. */
export interface RankingTransparency {
  readonly modelVersion: string;
  readonly parameters: readonly RankingParameter[];
  readonly explanation: string;
  readonly options: readonly FeedMode[];
}

/** What the recommender's `GET /v1/transparency` answers (the part read here). */
interface RecommenderTransparency {
  modelVersion: string;
  referenceRows: number;
  parameters: { group: string; importance: number }[];
}

/** A good answer is kept this long; the recommender recomputes on every model load. */
const CACHE_MS = 60_000;
/** After a failure, the fallback answer is kept this long before the recommender is asked again. */
const FAILURE_CACHE_MS = 5_000;

const MODES_TEXT =
  'You choose between two feed modes. Personalised orders rooms with these parameters. Not personalised uses none of your profile ' +
  '(no skills, interests, industry, career level or listening history): it shows rooms of your groups and of the people you follow ' +
  'by start time, then the most popular public rooms. In both modes, rooms, hosts and topics you marked "Not interested" are never shown ' +
  'until you unhide them.';

/**
 * `rankingTransparency`: the main parameters of the SERVED model with their measured importance,
 * fetched from the recommender (`GET /v1/transparency`) and cached. When the recommender cannot be
 * reached, lists are ranked by the fallback heuristic, so the answer then describes that formula,
 * measured by the same occlusion over the same reference set, and says so.
 */
export class RankingTransparencyService {
  private cached: { value: RankingTransparency; until: number } | null = null;
  private inFlight: Promise<RankingTransparency> | null = null;
  private fallback: RankingTransparency | null = null;

  constructor(
    private readonly settings: { readonly recommenderUrl: string; readonly timeoutMs: number },
    private readonly logger: Logger,
    private readonly clock: () => number = Date.now,
  ) {}

  /**
   * What ranked the latest list (a `RoomRecommendations.modelVersion`): when it is not what the
   * cached answer describes (the recommender hot-reloaded a model, went down, or came back), the
   * cache is dropped, so the next answer describes the ranking in use, not one up to a minute old.
   */
  servedModel(modelVersion: string): void {
    if (this.cached && this.cached.value.modelVersion !== modelVersion) this.cached = null;
  }

  async get(): Promise<RankingTransparency> {
    if (this.cached && this.cached.until > this.clock()) return this.cached.value;
    this.inFlight ??= this.fetchOrFallback().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async fetchOrFallback(): Promise<RankingTransparency> {
    try {
      const response = await fetch(new URL('/v1/transparency', this.settings.recommenderUrl), {
        // Loading the importances is cheap, but give it more than one ranking call's budget.
        signal: AbortSignal.timeout(Math.max(1000, this.settings.timeoutMs)),
      });
      if (!response.ok) throw new Error(`recommender answered HTTP ${response.status}`);
      const body = (await response.json()) as RecommenderTransparency;
      const value = fromRecommender(body);
      this.cached = { value, until: this.clock() + CACHE_MS };
      return value;
    } catch (error) {
      this.logger.warn(
        { recommenderUrl: this.settings.recommenderUrl, reason: error instanceof Error ? `${error.name}: ${error.message}` : String(error) },
        'recommender transparency unavailable; describing the fallback heuristic',
      );
      const value = await this.fallbackTransparency();
      this.cached = { value, until: this.clock() + FAILURE_CACHE_MS };
      return value;
    }
  }

  /** The fallback heuristic, measured like a model (computed once: it never changes). */
  private async fallbackTransparency(): Promise<RankingTransparency> {
    if (this.fallback) return this.fallback;
    const reference = transparencyReferenceFeatures();
    const groups = await occlusionImportance(reference, reference.length / FEATURE_DIM, heuristicBatchScorer);
    const parameters = toParameters(groups);
    this.fallback = {
      modelVersion: HEURISTIC_MODEL_VERSION,
      parameters,
      explanation:
        'The recommender service is unavailable right now, so rooms are ordered by the documented fallback formula, a fixed hand-weighted ' +
        'sum of topic and skill overlap, follows, shared groups and audience size (not a learned model). The importances shown are that ' +
        "formula's, measured the same way as the model's: how much the score changes, on average, when one parameter is removed, over a " +
        `fixed set of example people and rooms. ${topText(parameters)} ${MODES_TEXT}`,
      options: [FeedMode.Personalised, FeedMode.NotPersonalised],
    };
    return this.fallback;
  }
}

function isGroup(value: string): value is FeatureGroup {
  return (FEATURE_GROUPS as readonly string[]).includes(value);
}

function fromRecommender(body: RecommenderTransparency): RankingTransparency {
  if (typeof body?.modelVersion !== 'string' || !Array.isArray(body.parameters)) throw new Error('recommender answered an unexpected transparency body');
  const groups = body.parameters.flatMap((entry) =>
    isGroup(entry.group) && typeof entry.importance === 'number' && Number.isFinite(entry.importance) ? [{ group: entry.group, importance: entry.importance }] : [],
  );
  if (groups.length !== FEATURE_GROUPS.length) throw new Error('recommender transparency does not cover every parameter');
  const parameters = toParameters(groups);
  return {
    modelVersion: body.modelVersion,
    parameters,
    explanation:
      'Rooms are ordered by a model trained on which recommended rooms people joined and how long they stayed. A parameter weighs more ' +
      'when it predicted those choices better in training. Each importance is how much the model’s score changes, on average, when that ' +
      `parameter is removed, measured on the model now serving (${body.modelVersion}) over a fixed set of ${body.referenceRows} example ` +
      `people and rooms, and measured again whenever a new model is deployed. ${topText(parameters)} ${MODES_TEXT}`,
    options: [FeedMode.Personalised, FeedMode.NotPersonalised],
  };
}

/** Largest first; the order of FEATURE_GROUPS breaks ties. */
function toParameters(groups: readonly { group: FeatureGroup; importance: number }[]): RankingParameter[] {
  return [...groups]
    .sort((a, b) => b.importance - a.importance || FEATURE_GROUPS.indexOf(a.group) - FEATURE_GROUPS.indexOf(b.group))
    .map(({ group, importance }) => ({ ...RANKING_PARAMETER_TEXTS[group], importance }));
}

function topText(parameters: readonly RankingParameter[]): string {
  const top = parameters.filter((parameter) => parameter.importance > 0).slice(0, 3);
  if (top.length === 0) return '';
  const percent = (value: number) => `${Math.round(value * 100)}%`;
  return `It weighs most: ${top.map((parameter) => `${parameter.name.toLowerCase()} (${percent(parameter.importance)})`).join(', ')}.`;
}
