// The dependency rule of DESIGN.md, checked by `npm run lint` (depcruise over src, resolvers, local, infra,
// bench, scripts, bin). dependency-cruiser sees static, dynamic (`import()`), require and type-only imports
// alike, and resolves each to a file, a package or a Node built-in, so a rule cannot be dodged by spelling
// a path another way. Node globals in src/core (Buffer, process...) are ESLint's part: eslint.config.js.
/** The code users run: everything in the package but the benchmarks and scripts. */
const SHIPPED = '^(src|resolvers|local|infra|bin)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-imports-only-core',
      comment: 'src/core is the domain: no package, no Node built-in, no other folder (DESIGN.md).',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { pathNot: '^src/core/' },
    },
    {
      name: 'adapters-not-to-edge',
      comment: 'Adapters are used by the edge and the hosts, never the other way round.',
      severity: 'error',
      from: { path: '^src/adapters/' },
      to: { path: '^(resolvers|infra|local|src/cli)/' },
    },
    {
      name: 'resolvers-and-infra-not-to-local',
      comment: 'The Lambda bundles and the CDK app must not depend on the local host.',
      severity: 'error',
      from: { path: '^(resolvers|infra)/' },
      to: { path: '^local/' },
    },
    {
      name: 'shipped-not-to-test',
      comment: 'Shipped code must not import test code.',
      severity: 'error',
      from: { path: SHIPPED },
      to: { path: '^test/' },
    },
    {
      name: 'shipped-not-outside-repository',
      comment: 'Shipped code must not import ../shared or anything else outside the repository: users do not have it.',
      severity: 'error',
      from: { path: SHIPPED },
      to: { path: '^\\.\\./' },
    },
    {
      name: 'no-cycles-in-shipped-code',
      comment: 'A cycle makes load order matter and the parts impossible to reason about (or move) alone.',
      severity: 'error',
      from: { path: '^(src|resolvers|local|infra)/' },
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing is a typo or a missing package, and no rule above could see it.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // Type-only imports count: src/core may not even name another folder's types.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    moduleSystems: ['es6', 'cjs'],
    // Resolve packages as Node and tsc do: `exports` subpaths (tsx/esm/api) and types-only packages.
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
