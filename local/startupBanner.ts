import type { Config } from '../src/config.ts';
import type { LocalApi } from './LocalApi.ts';

/** What `npm start` prints: where the API is, the credentials, and a request to paste. */
export function startupBanner(api: LocalApi, config: Pick<Config, 'dataDir' | 'principalsFile'>): string {
  const principal = api.generatedPrincipal ?? api.principals[0];
  const lines = [
    '',
    'health-data-masking local API is running',
    `  Console            ${api.consoleUrl}`,
    `  GraphQL endpoint   ${api.url}`,
    `  Real-time          ${api.realtimeUrl}`,
    `  Region             ${api.region}  (sign requests with SigV4, service "appsync")`,
    `  Data directory     ${config.dataDir}`,
  ];
  if (api.generatedPrincipal || !config.principalsFile) {
    lines.push(
      `  Access key id      ${principal?.accessKeyId}`,
      `  Secret access key  ${principal?.secretAccessKey}`,
      `  (stored in ${config.dataDir}/credentials.json)`,
    );
  } else {
    lines.push(
      `  Principals         ${api.principals.map((p) => `${p.name} (${p.accessKeyId})`).join(', ')} from ${config.principalsFile}`,
    );
  }
  if (api.certificatePem)
    lines.push(
      `  TLS                self-signed: trust ${config.dataDir}/tls/cert.pem (Node: NODE_EXTRA_CA_CERTS=${config.dataDir}/tls/cert.pem)`,
    );
  const user =
    api.generatedPrincipal || !config.principalsFile
      ? `${principal?.accessKeyId}:${principal?.secretAccessKey}`
      : 'KEY:SECRET';
  lines.push(
    '',
    'Try it:',
    `  curl -s --aws-sigv4 "aws:amz:${api.region}:appsync" --user "${user}" \\`,
    `    -H 'content-type: application/json' ${api.certificatePem ? `--cacert ${config.dataDir}/tls/cert.pem ` : ''}${api.url} \\`,
    `    -d '{"query":"mutation { maskText(input: {text: \\"Pt Marla Quenby, 67 y/o, seen 03/14/2023.\\"}) { status maskedText findingCount } }"}'`,
    '',
    'Ctrl-C stops it.',
    '',
  );
  return lines.join('\n');
}
