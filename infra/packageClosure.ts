import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The given packages and everything they depend on (dependencies and the optionalDependencies that are
 * installed, e.g. only the linux-x64 build of sharp), as found in one flat node_modules directory.
 * The Lambda bundles leave native and file-loading packages (sharp, tesseract.js) external and copy this
 * closure beside the bundle: esbuild cannot inline a .node addon or a worker script, and `nodeModules`
 * would run `npm install`, which needs the network.
 */
export function packageClosure(names: readonly string[], nodeModulesDir: string): string[] {
  const found = new Set<string>();
  const pending = [...names];
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (found.has(name)) continue;
    const manifest = join(nodeModulesDir, name, 'package.json');
    if (!existsSync(manifest)) {
      // A required package that is missing would make a bundle that cannot load; optional ones may be absent.
      if (names.includes(name)) throw new MissingPackageError(name, nodeModulesDir);
      continue;
    }
    found.add(name);
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as {
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
    };
    pending.push(...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.optionalDependencies ?? {}));
  }
  return [...found].sort();
}

export class MissingPackageError extends Error {
  constructor(
    readonly packageName: string,
    readonly nodeModulesDir: string,
    options?: ErrorOptions,
  ) {
    super(`package ${packageName} is not installed in ${nodeModulesDir}`, options);
    this.name = 'MissingPackageError';
  }
}
