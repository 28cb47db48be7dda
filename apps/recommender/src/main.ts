import { handleEntryArguments } from '@roundtable/config';

import { startRecommender } from './recommender-server';

const HELP = `Runs the Roundtable recommender: ranks candidate rooms with an ONNX model (POST /v1/rank), explains
its parameters (GET /v1/transparency), and hot-reloads the model file when it changes.

Usage: npm run start:recommender    (or: node dist/apps/recommender/main.js)

Takes no arguments: every setting comes from the environment (RECOMMENDER_PORT 4100,
RECOMMENDER_HOST 127.0.0.1, RECOMMENDER_MODEL_PATH, ...; the README's recommender table and
docs/ranking.md list each with its default). \`npm start\` runs it together with the API.
`;

// `node dist/apps/recommender/main.js`: configuration comes from the environment only.
handleEntryArguments(HELP);
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
