/**
 * The module rules of docs/ARCHITECTURE.md, checked by `npm run lint` (depcruise src test bench scripts).
 *
 * Layers: the base layers (platform, reference, web) import no domain module (knowledge, directory, drafting, and
 * cases and review to come); only the composition root (src/app) imports every module's manifest.
 * Modules talk through each other's public files only: services, schemas, types, manifests (PUBLIC below); never
 * another module's repository, tables, migrations or UI internals.
 * The outer layers (src/app, the composition root; src/cli, the operators' commands) may use a module's entry
 * points beyond those (its seed, its import walker, its CSV files), but never its repository, tables or migrations.
 * Tests are exempt where they legitimately build fixtures across modules: a test may build the composed app
 * (src/app/server.ts) and load another module's seed (`seed/`) or test fixtures (`test-fixtures.ts`); test support
 * (`test/`, each module's part of the authorization matrix in `*.authz.ts`) likewise. Nothing else is exempt.
 */
const DOMAIN = '^src/(knowledge|directory|drafting|cases|review)/';
const BASE = '^src/(platform|reference|web)/';
const TEST = '([.]test[.]tsx?$|^test/|[.]authz[.]ts$|/test-fixtures[.]ts$)';
const TEST_FILE = '[.]test[.]tsx?$';
const PRIVATE = '([.]repository[.]ts|[.]tables[.]ts|/migrations/)';
// what a module offers others: its services, schemas, types (contracts) and manifests
const PUBLIC = '([.]service[.]ts|[.]schemas?[.]ts|[.]types[.]ts|[.-]manifest[.]tsx?)$';
// fixtures tests may load from another module
const FIXTURES = '(/seed/|/test-fixtures[.]ts$|[.]authz[.]ts$)';

module.exports = {
  forbidden: [
    {
      name: 'base-imports-no-module',
      comment: 'platform, reference and web are base layers: they import no domain module (compose in src/app instead)',
      severity: 'error',
      from: { path: BASE, pathNot: TEST },
      to: { path: [DOMAIN, '^src/app/', '^src/cli/'] },
    },
    {
      name: 'module-public-files-only',
      comment:
        "a module (or base layer) uses another module's services, schemas, types and manifest only; never its " +
        'repository, tables, migrations or UI internals (ask its service); src/app imports manifests only',
      severity: 'error',
      from: { path: '^src/(knowledge|directory|drafting|cases|review|platform|reference|web|app)/', pathNot: TEST },
      to: { path: DOMAIN, pathNot: ['^src/$1/', PUBLIC] },
    },
    {
      name: 'tests-fixtures-or-public-files',
      comment: "a test may also load another module's seed and test fixtures, never its repository or tables",
      severity: 'error',
      from: { path: `^src/([^/]+)/.*${TEST_FILE}` },
      to: { path: DOMAIN, pathNot: ['^src/$1/', PUBLIC, FIXTURES] },
    },
    {
      name: 'no-private-files-of-others',
      comment: "a module's repository, tables and migrations are its own, for every caller (outer layers and tests too)",
      severity: 'error',
      from: { path: '^src/([^/]+)/' },
      to: { path: [`${DOMAIN}.*${PRIVATE}`, `^src/reference/.*${PRIVATE}`], pathNot: '^src/$1/' },
    },
    {
      name: 'no-private-files-from-outside',
      comment: 'test support, benchmarks and scripts also go through services (they may seed through them)',
      severity: 'error',
      from: { path: '^(test|bench|scripts)/' },
      to: { path: [`${DOMAIN}.*${PRIVATE}`, `^src/reference/.*${PRIVATE}`] },
    },
    {
      name: 'no-cycles-between-modules',
      comment: 'no import cycle passes through two modules (or a module and a base layer)',
      severity: 'error',
      from: { path: '^src/([^/]+)/' },
      to: { circular: true, viaSomeNot: '^src/$1/' },
    },
    {
      name: 'no-cycles-within-a-module',
      comment: 'files of one module do not import each other in a circle either',
      severity: 'error',
      // Known: the document parser's clean.ts and the files split out of it (block-breaks, content-lines, masthead,
      // page-furniture) import each other; remove this exception when clean.ts is split along its seams (issue 10).
      from: { path: '^src/', pathNot: '^src/knowledge/parsing/' },
      to: { circular: true },
    },
    {
      name: 'production-code-not-test-code',
      comment: 'the application never imports test support',
      severity: 'error',
      from: { path: '^src/', pathNot: TEST },
      to: { path: '^test/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'an import that resolves to nothing is a typo or a missing dependency',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist/', '^data/', '/fixtures/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};
