// One jest configuration; TEST_TIER picks the suite (unit, integration, workflows, e2e, browser, fuzz).
// NestJS 12 is ESM-only, so jest runs in native ESM mode (NODE_OPTIONS=--experimental-vm-modules).
const tier = process.env.TEST_TIER ?? 'unit';

const tiers = {
  unit: { roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/workflows', '<rootDir>/scripts'], testMatch: ['**/*.spec.ts'] },
  integration: { roots: ['<rootDir>/test/integration'], testMatch: ['**/*.test.ts'] },
  workflows: { roots: ['<rootDir>/test/workflows'], testMatch: ['**/*.test.ts'], stack: true },
  e2e: { roots: ['<rootDir>/test/e2e'], testMatch: ['**/*.test.ts'], stack: true },
  browser: { roots: ['<rootDir>/test/browser'], testMatch: ['**/*.test.ts'], stack: true },
  fuzz: { roots: ['<rootDir>/test/fuzz'], testMatch: ['**/*.test.ts'], stack: true },
  // Several processes of each app on MySQL + Redis + SeaweedFS; each file starts its own stack.
  replicas: { roots: ['<rootDir>/test/replicas'], testMatch: ['**/*.test.ts'] },
};

const selected = tiers[tier];
if (!selected) throw new Error(`Unknown TEST_TIER ${tier}`);

export default {
  testEnvironment: 'node',
  roots: selected.roots,
  testMatch: selected.testMatch,
  // Suites that need a network database run in the MySQL tier only.
  testPathIgnorePatterns: process.env.TEST_DB === 'mysql' ? ['/node_modules/'] : ['/node_modules/', '\\.mysql\\.test\\.ts$'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
  moduleNameMapper: {
    '^#app/(.*)$': '<rootDir>/libs/$1/src/index.ts',
    '^#workflows/(.*)$': '<rootDir>/workflows/$1.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
    // Its ESM build imports JSON without an import attribute, which jest warns about on every load.
    '^libphonenumber-js/max$': '<rootDir>/node_modules/libphonenumber-js/max/index.cjs',
  },
  // Tiers that need the running stack share one Temporal dev server and worker per run.
  ...(selected.stack ? { globalSetup: '<rootDir>/test/support/stack.setup.mjs', globalTeardown: '<rootDir>/test/support/stack.teardown.mjs' } : {}),
  testTimeout: tier === 'unit' ? 10_000 : tier === 'replicas' ? 180_000 : 60_000,
  slowTestThreshold: 30,
};
