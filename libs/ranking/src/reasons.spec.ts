import { prepareViewer } from './feature-extraction';
import { FEATURE_GROUPS, FeatureGroup } from './feature-spec';
import { NOW, person, room, viewer } from './fixtures.test-helper';
import { compactCount, explain, reasonFor } from './reasons';

const nowMs = Date.parse(NOW);

function only(group: FeatureGroup, amount = 0.1): Float64Array {
  const contributions = new Float64Array(FEATURE_GROUPS.length);
  contributions[FEATURE_GROUPS.indexOf(group)] = amount;
  return contributions;
}

describe('explain', () => {
  const context = prepareViewer(viewer({ followingIds: ['ada', 'grace'] }));

  it('names the evidence for the strongest groups, strongest first, at most three', () => {
    const candidate = room({
      id: 'r',
      topics: ['devops'],
      host: person({ id: 'ada', displayName: 'Ada Lovelace', skills: ['K8S'] }),
      listenerCount: 340,
    });
    const contributions = new Float64Array(FEATURE_GROUPS.length);
    contributions[FEATURE_GROUPS.indexOf(FeatureGroup.Topics)] = 0.05;
    contributions[FEATURE_GROUPS.indexOf(FeatureGroup.FollowsHost)] = 0.2;
    contributions[FEATURE_GROUPS.indexOf(FeatureGroup.Skills)] = 0.1;
    contributions[FEATURE_GROUPS.indexOf(FeatureGroup.Timing)] = 0.01;
    expect(explain(context, candidate, nowMs, contributions)).toEqual([
      'Hosted by someone you follow: Ada Lovelace',
      'Matches your skills: Kubernetes',
      'About topics you follow: DevOps',
    ]);
  });

  it('skips groups that do not add to the score or have no evidence', () => {
    const candidate = room({ id: 'r' });
    expect(explain(context, candidate, nowMs, only(FeatureGroup.FollowsHost))).toEqual([]);
    expect(explain(context, candidate, nowMs, only(FeatureGroup.Timing, -0.5))).toEqual([]);
    expect(explain(context, candidate, nowMs, only(FeatureGroup.Timing, 0.0001))).toEqual([]);
  });

  it('words timing, audience, stage, group and history reasons', () => {
    const soon = room({ id: 's', status: 'SCHEDULED', startedAt: null, scheduledFor: '2026-03-02T12:20:00.000Z' });
    expect(reasonFor(FeatureGroup.Timing, context, soon, nowMs)).toBe('Starts in 20 minutes');
    expect(reasonFor(FeatureGroup.Timing, context, room({ id: 'l', listenerCount: 340 }), nowMs)).toBe('Live now · 340 listening');
    const staged = room({ id: 'st', stage: [person({ id: 'grace', displayName: 'Grace Hopper' })] });
    expect(reasonFor(FeatureGroup.FollowsStage, context, staged, nowMs)).toBe('On stage: Grace Hopper, whom you follow');
    const grouped = room({ id: 'g', groupId: 'platform-guild', groupName: 'Platform guild' });
    expect(reasonFor(FeatureGroup.Group, context, grouped, nowMs)).toBe('In your group: Platform guild');
    expect(reasonFor(FeatureGroup.History, context, room({ id: 'h', topics: ['devops'] }), nowMs)).toBe('You often listen to: DevOps');
    expect(reasonFor(FeatureGroup.FollowsAudience, context, room({ id: 'f', followedListenerIds: ['a'] }), nowMs)).toBe(
      '1 person you follow is listening',
    );
    const named = room({ id: 'n', followedListenerIds: ['a'], followedListenerNames: ['Ada Lovelace'] });
    expect(reasonFor(FeatureGroup.FollowsAudience, context, named, nowMs)).toBe('Ada Lovelace, whom you follow, is listening');
  });

  it('abbreviates large counts', () => {
    expect(compactCount(340)).toBe('340');
    expect(compactCount(1234)).toBe('1.2k');
    expect(compactCount(2000)).toBe('2k');
    expect(compactCount(3_400_000)).toBe('3.4M');
  });
});
