import { readdir, readFile, readlink } from 'node:fs/promises';

/**
 * The sockets this process listens on, read from Linux's /proc as `ss -lp` would: the socket inodes among
 * this process's open files, matched against the kernel's socket tables. Every thread shares the fd table,
 * so a server in a worker thread counts too.
 */

async function ownSocketInodes(): Promise<Set<string>> {
  const inodes = new Set<string>();
  for (const fd of await readdir('/proc/self/fd')) {
    const target = await readlink(`/proc/self/fd/${fd}`).catch(() => '');
    const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
    if (inode) inodes.add(inode);
  }
  return inodes;
}

/** TCP ports (IPv4 and IPv6) in LISTEN state owned by this process. */
export async function listeningTcpPorts(): Promise<number[]> {
  const inodes = await ownSocketInodes();
  const ports = new Set<number>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const text = await readFile(table, 'utf8').catch(() => '');
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      // sl local_address rem_address st ... uid timeout inode; st 0A is LISTEN.
      if (fields[3] !== '0A' || !inodes.has(fields[9] ?? '')) continue;
      ports.add(parseInt(fields[1]?.split(':')[1] ?? '', 16));
    }
  }
  return [...ports].sort((a, b) => a - b);
}

/** Paths of the Unix domain sockets this process listens on (flag __SO_ACCEPTCON). */
export async function listeningUnixSockets(): Promise<string[]> {
  const inodes = await ownSocketInodes();
  const text = await readFile('/proc/net/unix', 'utf8');
  return text
    .split('\n')
    .slice(1)
    .flatMap((line) => {
      // Num RefCount Protocol Flags Type St Inode Path
      const fields = line.trim().split(/\s+/);
      const listening = (parseInt(fields[3] ?? '0', 16) & 0x10000) !== 0;
      return listening && inodes.has(fields[6] ?? '') && fields[7] ? [fields[7]] : [];
    });
}
