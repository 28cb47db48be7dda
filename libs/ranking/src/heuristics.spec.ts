import { NOW, person, room, viewer } from './fixtures.test-helper';
import { heuristicRank } from './heuristics';
import { HEURISTIC_MODEL_VERSION } from './rank-types';

describe('heuristicRank', () => {
  it('prefers topic and skill overlap, follows and audience, and says why', () => {
    const response = heuristicRank({
      viewer: viewer(),
      now: NOW,
      candidates: [
        room({ id: 'unrelated', topics: ['marketing'], listenerCount: 5 }),
        room({ id: 'on-topic', topics: ['devops'], listenerCount: 5 }),
        room({ id: 'followed', host: person({ id: 'ada', displayName: 'Ada Lovelace' }), listenerCount: 5 }),
        room({ id: 'popular', topics: ['marketing'], listenerCount: 5000 }),
      ],
    });
    expect(response.modelVersion).toBe(HEURISTIC_MODEL_VERSION);
    expect(response.items.map((item) => item.roomId)).toEqual(['on-topic', 'followed', 'popular', 'unrelated']);
    expect(response.items[0]?.reasons).toContain('About topics you follow: DevOps');
    expect(response.items[1]?.reasons).toContain('Hosted by someone you follow: Ada Lovelace');
  });

  it('honours the limit', () => {
    const candidates = Array.from({ length: 30 }, (_, index) => room({ id: `r${index}` }));
    expect(heuristicRank({ viewer: viewer(), now: NOW, candidates }).items).toHaveLength(20);
    expect(heuristicRank({ viewer: viewer(), now: NOW, candidates, limit: 5 }).items).toHaveLength(5);
  });
});
