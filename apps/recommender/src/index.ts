export { createRecommenderServer, startRecommender, type RecommenderOptions, type RunningRecommender } from './recommender-server';
export { loadRecommenderConfig, type RecommenderConfig } from './config';
export { readMetadataProps, withMetadataProps } from './model/onnx-model-file';
