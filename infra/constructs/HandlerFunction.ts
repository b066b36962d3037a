import { join } from 'node:path';
import type { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import {
  Architecture,
  Code,
  Function as LambdaFunction,
  Runtime,
  Tracing,
  type IFunction,
} from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { assertLocalEsbuild, assertNativeBuilds } from '../assertNativeBuilds.ts';
import { packageClosure } from '../packageClosure.ts';

export interface HandlerFunctionProps {
  /** Repository root: entries, package-lock.json and node_modules are found from it. */
  projectRoot: string;
  /** The handler file, relative to projectRoot; it exports `handler`. */
  entry: string;
  /**
   * Bundle the entry with the locally installed esbuild (default true). Template tests pass false and
   * `unbundledCodeDir`, a directory with an index.js, so they need neither the handler files nor seconds of bundling.
   */
  bundle?: boolean;
  unbundledCodeDir?: string;
  /**
   * Packages left out of the bundle and copied beside it with their dependencies: native addons (sharp) and
   * packages that load files at run time (tesseract.js's worker script and WebAssembly core).
   */
  copiedPackages?: readonly string[];
  environment: Record<string, string>;
  /**
   * Default: arm64 (Graviton: about 20 % less per GB-second than x86_64, same Node code) when the function copies
   * no packages, x86_64 when it does: the copied sharp native builds are the ones `npm ci` installs on this
   * x86_64 machine and CI (linux-x64); arm64 builds are not installed by it (npm installs only the optional
   * platform packages of the machine it runs on), so an arm64 worker would fail its synth (assertNativeBuilds).
   */
  architecture?: Architecture;
  timeout: Duration;
  memorySize: number;
  key: IKey;
  tracing: boolean;
  removalPolicy: RemovalPolicy;
}

/** Lets a bundled ESM file use CommonJS packages that call require() or read __dirname. */
const ESM_BANNER = [
  "import { createRequire as __hdmCreateRequire } from 'node:module';",
  "import { fileURLToPath as __hdmFileURLToPath } from 'node:url';",
  "import { dirname as __hdmDirname } from 'node:path';",
  'const require = __hdmCreateRequire(import.meta.url);',
  'const __filename = __hdmFileURLToPath(import.meta.url);',
  'const __dirname = __hdmDirname(__filename);',
].join(' ');

/**
 * A Node 22 Lambda function for one handler file, with its own role (no AWS managed policy) and its own
 * KMS-encrypted log group. Bundled by esbuild on this machine, never in Docker.
 */
export class HandlerFunction extends Construct {
  readonly function: IFunction & LambdaFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: HandlerFunctionProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, 'Logs', {
      encryptionKey: props.key,
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: props.removalPolicy,
    });
    this.role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    const common = {
      runtime: Runtime.NODEJS_22_X,
      architecture:
        props.architecture ?? ((props.copiedPackages ?? []).length === 0 ? Architecture.ARM_64 : Architecture.X86_64),
      role: this.role,
      logGroup: this.logGroup,
      timeout: props.timeout,
      memorySize: props.memorySize,
      // Source maps turn the minified bundle's stack traces back into the TypeScript files and lines.
      // Powertools Tracer reads POWERTOOLS_TRACE_ENABLED: off, it wraps no SDK client and opens no segment.
      environment: {
        ...props.environment,
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_TRACE_ENABLED: String(props.tracing),
      },
      tracing: props.tracing ? Tracing.ACTIVE : Tracing.DISABLED,
      // No reserved concurrency: it would take from a small account's whole pool. The worker's SQS event source
      // bounds its concurrency instead (maxConcurrency in HealthDataMaskingStack).
    };
    if (props.bundle ?? true) {
      this.function = this.bundled(props, common);
    } else {
      if (!props.unbundledCodeDir) throw new Error('HandlerFunction: bundle false needs unbundledCodeDir');
      this.function = new LambdaFunction(this, 'Function', {
        ...common,
        code: Code.fromAsset(props.unbundledCodeDir),
        handler: 'index.handler',
      });
    }
    // The role writes only to its own log group.
    this.logGroup.grantWrite(this.role);
  }

  private bundled(
    props: HandlerFunctionProps,
    common: ConstructorParameters<typeof NodejsFunction>[2] & object,
  ): NodejsFunction {
    const nodeModulesDir = join(props.projectRoot, 'node_modules');
    // Fail the synth here, with the fix in the message, rather than fall back to Docker or ship a bundle
    // whose sharp cannot load on Lambda.
    assertLocalEsbuild(props.projectRoot);
    assertNativeBuilds({
      copiedPackages: props.copiedPackages ?? [],
      architecture: common.architecture ?? Architecture.X86_64,
      nodeModulesDir,
    });
    const copied = packageClosure(props.copiedPackages ?? [], nodeModulesDir);
    return new NodejsFunction(this, 'Function', {
      ...common,
      entry: join(props.projectRoot, props.entry),
      handler: 'handler',
      projectRoot: props.projectRoot,
      depsLockFilePath: join(props.projectRoot, 'package-lock.json'),
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        target: 'node22',
        banner: ESM_BANNER,
        // The AWS SDK is bundled too, at the versions the tests ran, instead of whatever version the Node 22
        // runtime carries that day: the bundle then needs nothing beside it but the copied packages.
        externalModules: [...(props.copiedPackages ?? [])],
        sourceMap: true,
        // DEFAULT (esbuild's linked map: index.mjs.map and a sourceMappingURL comment), not EXTERNAL: an external
        // map has no comment, so Node's --enable-source-maps never found it and traces named index.mjs
        // (checked in test/infra/lambdaBundle.test.ts).
        sourceMapMode: SourceMapMode.DEFAULT,
        sourcesContent: false,
        // Smaller bundles load faster on a cold start. keepNames: error classes keep their names (logs report
        // errors by class name, and a few checks compare names), and source maps keep traces readable.
        minify: true,
        keepNames: true,
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir: string, outputDir: string) => [
            ...copied.map(
              (name) =>
                `mkdir -p "${outputDir}/node_modules/${name}" && cp -R "${inputDir}/node_modules/${name}/." "${outputDir}/node_modules/${name}/"`,
            ),
            // The local detector reads its word lists next to its module (new URL('./data/', import.meta.url));
            // bundled, that is the asset's own data/ folder.
            `mkdir -p "${outputDir}/data" && cp -R "${inputDir}/src/detect/data/." "${outputDir}/data/"`,
          ],
        },
      },
    });
  }
}
