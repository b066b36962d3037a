import { generate } from 'selfsigned';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { servedHostNames } from '../../../../local/auth/servedHostNames.ts';

describe('servedHostNames', () => {
  it('serves the loopback names and the configured host only', () => {
    const served = servedHostNames({ host: '127.0.0.1' });
    expect(['localhost', '127.0.0.1', '::1', 'app.localhost'].every(served)).toBe(true);
    expect(
      [
        'attacker.example',
        '10.0.0.5',
        '127.0.0.1.nip.io',
        hostname().toLowerCase() === 'localhost' ? 'x.example' : hostname().toLowerCase(),
      ].some(served),
    ).toBe(false);
    expect(servedHostNames({ host: 'api.internal' })('api.internal')).toBe(true);
  });

  it("adds the machine's name on every interface, and the TLS certificate's names", async () => {
    expect(servedHostNames({ host: '0.0.0.0' })(hostname().toLowerCase())).toBe(true);
    const pems = await generate([{ name: 'commonName', value: 'hdm.example.org' }], {
      keySize: 2048,
      extensions: [
        {
          name: 'subjectAltName',
          altNames: [
            { type: 2, value: 'masking.example.org' },
            { type: 7, ip: '192.0.2.7' },
          ],
        },
      ],
    } as Parameters<typeof generate>[1]);
    const served = servedHostNames({ host: '127.0.0.1', certificatePem: pems.cert });
    expect(['hdm.example.org', 'masking.example.org', '192.0.2.7'].every(served)).toBe(true);
    expect(served('other.example.org')).toBe(false);
  });
});
