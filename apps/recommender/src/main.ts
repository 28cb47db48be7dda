import { startRecommender } from './recommender-server';

// `node dist/apps/recommender/main.js`: configuration comes from the environment only.
startRecommender()
  .then((running) => {
    const shutdown = (): void => {
      running.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  })
  .catch((error: unknown) => {
    process.stderr.write(`recommender failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
