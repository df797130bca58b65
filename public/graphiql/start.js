/* GraphiQL start-up for GET /graphql (served as /graphiql/assets/start.js; no inline script, so CSP script-src 'self' holds). */
/* global window, document, location, React, ReactDOM, GraphiQL */
(function () {
  'use strict';

  var TITLE = '人大信访 GraphQL API';
  var DEFAULT_QUERY = [
    '# 人大信访 GraphQL API',
    '#',
    '# 1. 点击 ▶ 运行下面的登录，复制结果中的 token',
    '#    （演示账号 registrar 需以 DEMO_DATA=1 启动）',
    '# 2. 在下方 Headers 中把 token 填在 "Bearer " 之后',
    '# 3. 编写查询、变更或订阅（订阅经 WebSocket，同样带令牌）',
    '#    查询：{ me { username displayName } }',
    '#    订阅：subscription { caseEvents { type } }',
    '# 左侧栏第一个按钮打开文档（Documentation Explorer）',
    '',
    'mutation Login {',
    '  login(username: "registrar", password: "Demo@2026") {',
    '    token',
    '    expiresAt',
    '  }',
    '}',
    '',
  ].join('\n');
  var DEFAULT_HEADERS = JSON.stringify({ Authorization: 'Bearer <paste token from login>' }, null, 2);

  var fetcher = GraphiQL.createFetcher({
    url: location.origin + '/graphql',
    subscriptionUrl: (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/graphql',
  });

  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(
      GraphiQL,
      {
        fetcher: fetcher,
        defaultQuery: DEFAULT_QUERY,
        defaultHeaders: DEFAULT_HEADERS,
        isHeadersEditorEnabled: true,
        defaultEditorToolsVisibility: 'headers',
        shouldPersistHeaders: false,
      },
      React.createElement(GraphiQL.Logo, null, TITLE),
    ),
  );
  window.document.title = TITLE;
})();
