import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MissingPackageError, packageClosure } from '../../infra/packageClosure.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function nodeModules(
  packages: Record<string, { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> }>,
): string {
  const dir = mkdtempSync(join(tmpdir(), 'hdm-closure-'));
  dirs.push(dir);
  for (const [name, manifest] of Object.entries(packages)) {
    mkdirSync(join(dir, name), { recursive: true });
    writeFileSync(join(dir, name, 'package.json'), JSON.stringify({ name, ...manifest }));
  }
  return dir;
}

describe('packageClosure', () => {
  it('follows dependencies and the optional dependencies that are installed', () => {
    const dir = nodeModules({
      native: {
        dependencies: { helper: '1' },
        optionalDependencies: { '@img/native-linux-x64': '1', '@img/native-darwin-arm64': '1' },
      },
      helper: { dependencies: { native: '1' } },
      '@img/native-linux-x64': {},
      unrelated: {},
    });
    expect(packageClosure(['native'], dir)).toEqual(['@img/native-linux-x64', 'helper', 'native']);
  });

  it('refuses a requested package that is not installed', () => {
    expect(() => packageClosure(['missing'], nodeModules({}))).toThrow(MissingPackageError);
  });

  it("finds sharp's Linux build in this repository", () => {
    const closure = packageClosure(['sharp'], join(process.cwd(), 'node_modules'));
    expect(closure).toContain('sharp');
    expect(closure.some((name) => name.startsWith('@img/sharp-linux'))).toBe(true);
  });
});
