// End-to-end: `node bin/hdm.js` as a real process, the way `npx hdm` runs it.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../../bin/hdm.js', import.meta.url));
const PHI = 'jane.roe@example.org';
const dir = mkdtempSync(join(tmpdir(), 'hdm-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function start(args: string[]): ChildProcessWithoutNullStreams {
  const env = { ...process.env };
  delete env.HDM_DEBUG;
  return spawn(process.execPath, [BIN, ...args], { cwd: dir, env });
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], input = ''): Promise<Run> {
  const child = start(args);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin.end(input);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const line = (id: string, text: string): string => `${JSON.stringify({ id, text })}\n`;

describe('hdm as a process', () => {
  it('--help prints the usage and exits 0', async () => {
    const { code, stdout, stderr } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('hdm mask [FILE|-]');
    expect(stderr).toBe('');
  });

  it('mask FILE prints the masked text', async () => {
    const path = file('note.txt', `Contact: ${PHI}\nPlan: rest.\n`);
    const { code, stdout, stderr } = await run(['mask', '--types', 'EMAIL', path]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toBe('Contact: [EMAIL]\nPlan: rest.\n');
  });

  it('detect --jsonl answers each line as it arrives on stdin', async () => {
    const child = start(['detect', '--jsonl', '--types', 'EMAIL', '-']);
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    for (const [index, id] of ['n1', 'n2', 'n3'].entries()) {
      child.stdin.write(line(id, `Reply to ${PHI} please`));
      await expect.poll(() => stdout.split('\n').length - 1, { timeout: 15_000 }).toBe(index + 1);
    }
    child.stdin.end();
    expect(await closed).toBe(0);
    const records = stdout
      .trim()
      .split('\n')
      .map((text) => JSON.parse(text) as { id: string; spans: { start: number; type: string }[] });
    expect(records.map((r) => r.id)).toEqual(['n1', 'n2', 'n3']);
    expect(records[0]?.spans).toEqual([{ start: 9, end: 9 + PHI.length, type: 'EMAIL', score: expect.any(Number) }]);
  });

  it('detect --jsonl FILE stops at a malformed line: exit 1, one line naming it, no content', async () => {
    const path = file('corpus.jsonl', `${line('a', PHI)}{"id": "b", "text": ["${PHI}"]}\n${line('c', PHI)}`);
    const { code, stdout, stderr } = await run(['detect', '--jsonl', path]);
    expect(code).toBe(1);
    expect(stderr).toBe(`hdm: ${path}:2: "text" must be a string\n`);
    expect(stdout.trim().split('\n')).toHaveLength(1);
  });

  it('a missing file: exit 1, one line', async () => {
    const { code, stdout, stderr } = await run(['detect', '--jsonl', 'absent.jsonl']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('hdm: absent.jsonl: no such file\n');
  });

  it('invalid UTF-8 bytes: exit 1, one line, no content', async () => {
    const path = file(
      'latin1.txt',
      Buffer.concat([Buffer.from(`${PHI}\nM`), Buffer.from([0xfc]), Buffer.from('ller\n')]),
    );
    const { code, stdout, stderr } = await run(['mask', path]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`hdm: ${path}:2: not valid UTF-8\n`);
  });

  it('an unknown option: exit 2 with a hint', async () => {
    const { code, stderr } = await run(['mask', '--colour', 'red']);
    expect(code).toBe(2);
    expect(stderr).toBe("hdm: unknown option '--colour'\nRun 'hdm mask --help' for usage.\n");
  });

  it('stops quietly when its reader closes early, as under `| head -1`', async () => {
    const corpus = Array.from({ length: 50_000 }, (_, i) => line(`d${i}`, `Note ${i}: ${PHI}`)).join('');
    const child = start(['detect', '--jsonl', file('big.jsonl', corpus)]);
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
