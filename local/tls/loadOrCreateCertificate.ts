import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export interface Certificate {
  cert: string;
  key: string;
  /** Where the certificate is, for the start-up banner (clients point NODE_EXTRA_CA_CERTS at it). */
  certFile: string;
}

/**
 * The certificate for HTTPS and WSS: the given PEM files, or a self-signed one for localhost and
 * 127.0.0.1 generated once into `<dataDir>/tls/` (valid a year; delete the folder to renew).
 */
export async function loadOrCreateCertificate(
  dataDir: string,
  files?: { certFile: string; keyFile: string },
): Promise<Certificate> {
  if (files)
    return {
      cert: await readFile(files.certFile, 'utf8'),
      key: await readFile(files.keyFile, 'utf8'),
      certFile: files.certFile,
    };
  const dir = join(dataDir, 'tls');
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  try {
    return { cert: await readFile(certFile, 'utf8'), key: await readFile(keyFile, 'utf8'), certFile };
  } catch {
    const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
      keySize: 2048,
      algorithm: 'sha256',
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [
            { type: 2, value: 'localhost' },
            { type: 7, ip: '127.0.0.1' },
            { type: 7, ip: '::1' },
          ],
        },
      ],
    } as Parameters<typeof generate>[1]);
    // Private like the rest of the data directory (its tightening ran before this folder existed).
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await writeFile(certFile, pems.cert, { mode: 0o600 });
    await writeFile(keyFile, pems.private, { mode: 0o600 });
    return { cert: pems.cert, key: pems.private, certFile };
  }
}
