import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import express, { type Router } from 'express';

const requireFromHere = createRequire(__filename);
const packageDir = (name: string) => dirname(requireFromHere.resolve(`${name}/package.json`));

/**
 * GraphiQL served from our own node_modules, so the explorer works offline (Apollo's default
 * landing page loads from a CDN). Subscriptions run over graphql-ws with the same token.
 */
export function graphiqlAssets(): Router {
  const router = express.Router();
  const assets: [string, string][] = [
    ['/react.js', join(packageDir('react'), 'umd', 'react.production.min.js')],
    ['/react-dom.js', join(packageDir('react-dom'), 'umd', 'react-dom.production.min.js')],
    ['/graphiql.js', join(packageDir('graphiql'), 'dist', 'index.umd.js')],
    ['/graphiql.css', join(packageDir('graphiql'), 'dist', 'style.css')],
    ['/graphql-ws.js', join(packageDir('graphql-ws'), 'umd', 'graphql-ws.min.js')],
  ];
  for (const [path, file] of assets) {
    router.get(path, (_req, res) => res.sendFile(file, { maxAge: '1h' }));
  }
  return router;
}

export const GRAPHIQL_ASSETS_PATH = '/_graphiql';

const DEFAULT_QUERY = `# Paste a bearer token above (npm start prints a few), then press run.
# Live updates: subscription { roomEvents(roomId: "<id>", sinceVersion: 0) { __typename version } }
query Home {
  viewer { displayName headline }
  recommendedRooms(first: 5) {
    modelVersion
    items { score reasons room { id title status listenerCount } }
  }
  rooms(first: 5) {
    edges { node { id title status host { displayName } stage { role profile { displayName } } listenerCount } }
  }
}
`;

export function graphiqlPage(endpoint: string): string {
  const base = GRAPHIQL_ASSETS_PATH;
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>Roundtable GraphQL explorer</title>
  <link rel="stylesheet" href="${base}/graphiql.css" />
  <style>
    body { margin: 0; height: 100vh; display: flex; flex-direction: column; font-family: system-ui, sans-serif; }
    #bar { display: flex; gap: 8px; align-items: center; padding: 6px 10px; background: #1f2937; color: #f9fafb; }
    #bar input { flex: 1; font-family: monospace; padding: 4px; }
    #graphiql { flex: 1; }
  </style>
</head>
<body>
  <div id="bar">
    <strong>Roundtable</strong>
    <label for="token">Bearer token</label>
    <input id="token" placeholder="paste a token from: npm run token -- --name Ada" />
  </div>
  <div id="graphiql">Loading…</div>
  <script src="${base}/react.js"></script>
  <script src="${base}/react-dom.js"></script>
  <script src="${base}/graphql-ws.js"></script>
  <script src="${base}/graphiql.js"></script>
  <script>
    const DEFAULT_QUERY = ${JSON.stringify(DEFAULT_QUERY)};
    const endpoint = new URL(${JSON.stringify(endpoint)}, location.href);
    const wsEndpoint = endpoint.href.replace(/^http/, 'ws');
    const input = document.getElementById('token');
    input.value = localStorage.getItem('roundtable.token') || '';
    const root = ReactDOM.createRoot(document.getElementById('graphiql'));
    function render() {
      const token = input.value.trim();
      const headers = token ? { Authorization: 'Bearer ' + token } : {};
      const wsClient = graphqlWs.createClient({
        url: wsEndpoint,
        connectionParams: () => (token ? { authorization: 'Bearer ' + token } : {}),
      });
      const fetcher = GraphiQL.createFetcher({ url: endpoint.href, headers, wsClient });
      root.render(React.createElement(GraphiQL, {
        fetcher,
        defaultEditorToolsVisibility: true,
        defaultQuery: DEFAULT_QUERY,
      }));
    }
    input.addEventListener('change', () => { localStorage.setItem('roundtable.token', input.value.trim()); render(); });
    render();
  </script>
</body>
</html>`;
}
