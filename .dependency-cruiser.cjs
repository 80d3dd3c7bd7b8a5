/* global module */
// The layers of docs/architecture.md, checked by `npm run lint` (and so by verify):
//   npx depcruise apps libs workflows --config .dependency-cruiser.cjs
// `#app/<lib>` resolves through package.json "imports" to dist/libs/<lib>/… once built, and stays the
// bare specifier before that: each rule matches the source path, the built path and the alias.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'app-to-other-app',
      comment: 'An app never imports another app: what two apps share lives in libs/.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^(dist/)?apps/', pathNot: '^(dist/)?apps/$1/' },
    },
    {
      name: 'lib-to-app',
      comment: 'Libraries are shared by the apps and never depend on one.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^(dist/)?apps/' },
    },
    {
      name: 'portal-to-data-or-temporal',
      comment: 'The portal is a client of the member API over HTTP: no database, no Temporal.',
      severity: 'error',
      from: { path: '^apps/portal/' },
      to: {
        path: [
          '^(dist/)?libs/(persistence|temporal)/',
          '^#app/(persistence|temporal)$',
          '^#workflows/',
          '^(dist/)?workflows/',
          'node_modules/(typeorm|@nestjs/typeorm|mysql2|better-sqlite3|@temporalio/[^/]+)/',
        ],
      },
    },
    {
      name: 'workflow-not-bundle-safe',
      comment: 'Workflow code is deterministic and bundled: only workflows/ and @temporalio/workflow or /common.',
      severity: 'error',
      from: { path: '^workflows/' },
      to: { pathNot: ['^(dist/)?workflows/', '^#workflows/', 'node_modules/@temporalio/(workflow|common)/'] },
    },
    {
      name: 'domain-to-http',
      comment: 'Domain libraries throw DomainError with a code; only libs/web (and the apps) speak HTTP.',
      severity: 'error',
      from: { path: '^libs/', pathNot: '^libs/web/' },
      to: { path: 'node_modules/(express|@nestjs/platform-express|@types/express|multer|fastify|@nestjs/platform-fastify|body-parser)/' },
    },
  ],
  options: {
    // Test code may reach across layers (it drives the real apps).
    exclude: { path: ['\\.spec\\.ts$', '(^|/)test/'] },
    doNotFollow: { path: ['node_modules', '^dist/'] },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
