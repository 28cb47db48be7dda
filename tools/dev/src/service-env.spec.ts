import { recommenderUrlFor, serviceEnvironments } from './service-env';

describe('npm start passes ports on', () => {
  it('sends the API to the recommender port it starts (PORT=5040 RECOMMENDER_PORT=5041)', () => {
    expect(serviceEnvironments({ PORT: '5040', RECOMMENDER_PORT: '5041' }).api).toEqual({ RECOMMENDER_URL: 'http://127.0.0.1:5041' });
  });

  it('keeps the default port, an explicit RECOMMENDER_URL, and the recommender host', () => {
    expect(recommenderUrlFor({})).toBe('http://127.0.0.1:4100');
    expect(recommenderUrlFor({ RECOMMENDER_PORT: '5041', RECOMMENDER_URL: 'http://ranker.internal:9000' })).toBe('http://ranker.internal:9000');
    expect(recommenderUrlFor({ RECOMMENDER_PORT: '6001', RECOMMENDER_HOST: '0.0.0.0' })).toBe('http://127.0.0.1:6001');
    expect(recommenderUrlFor({ RECOMMENDER_PORT: '6001', RECOMMENDER_HOST: '::1' })).toBe('http://[::1]:6001');
    expect(recommenderUrlFor({ RECOMMENDER_PORT: '6002', RECOMMENDER_HOST: '10.0.0.5' })).toBe('http://10.0.0.5:6002');
  });
});
