import type { Connection } from './connection.ts';
import type { ConsoleConfig } from './consoleConfig.ts';
import { required } from './dom.ts';
import type { ErrorBanner } from './errors.ts';

// Only when the user ticks "Remember for this tab": sessionStorage ends with the tab. Never localStorage.
const REMEMBERED = 'hdm-console-credentials';

interface FormValues {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  region: string;
  endpoint: string;
}

/**
 * The Credentials form: prefilled from /console/config.json (the local key pair only when the server
 * offers it) or from this tab's sessionStorage when remembered; connects by itself when it has a key pair.
 */
export function setUpCredentialsForm(
  form: HTMLFormElement,
  connection: Connection,
  errors: ErrorBanner,
  config: ConsoleConfig | undefined,
): void {
  const status = required(document, '[data-testid="connection-status"]');
  const field = (name: keyof FormValues | 'remember') => required<HTMLInputElement>(form, `input[name="${name}"]`);
  const remembered = readRemembered();
  const initial: Partial<FormValues> = {
    endpoint: config?.url ?? '',
    region: config?.region ?? '',
    ...(config?.defaultCredentials ?? {}),
    ...(remembered ?? {}),
  };
  for (const [name, value] of Object.entries(initial)) field(name as keyof FormValues).value = value ?? '';
  field('remember').checked = remembered !== undefined;

  const connect = async () => {
    const values = readValues(field);
    const missing = (['accessKeyId', 'secretAccessKey', 'region', 'endpoint'] as const).filter(
      (name) => values[name] === '',
    );
    if (missing.length > 0) {
      errors.show(
        new Error(`Fill in: ${missing.map((name) => field(name).labels?.[0]?.textContent?.trim() ?? name).join(', ')}`),
      );
      return;
    }
    status.textContent = 'Connecting…';
    try {
      await connection.connect({
        url: values.endpoint,
        region: values.region,
        credentials: {
          accessKeyId: values.accessKeyId,
          secretAccessKey: values.secretAccessKey,
          ...(values.sessionToken ? { sessionToken: values.sessionToken } : {}),
        },
        // The server's real-time URL belongs to its own endpoint; another endpoint gets the client's derivation.
        ...(config?.realtimeUrl && values.endpoint === config.url ? { realtimeUrl: config.realtimeUrl } : {}),
      });
      errors.clear();
      status.textContent = `Connected as ${values.accessKeyId}`;
      if (field('remember').checked) sessionStorage.setItem(REMEMBERED, JSON.stringify(values));
      else sessionStorage.removeItem(REMEMBERED);
    } catch (error) {
      status.textContent = connection.connected ? `Connected as ${connection.accessKeyId}` : 'Not connected';
      errors.show(error);
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void connect();
  });
  field('remember').addEventListener('change', () => {
    if (!field('remember').checked) sessionStorage.removeItem(REMEMBERED);
  });
  if (initial.accessKeyId && initial.secretAccessKey) void connect();
}

function readValues(field: (name: keyof FormValues) => HTMLInputElement): FormValues {
  return {
    accessKeyId: field('accessKeyId').value.trim(),
    secretAccessKey: field('secretAccessKey').value.trim(),
    sessionToken: field('sessionToken').value.trim(),
    region: field('region').value.trim(),
    endpoint: field('endpoint').value.trim(),
  };
}

function readRemembered(): FormValues | undefined {
  try {
    const raw = sessionStorage.getItem(REMEMBERED);
    if (!raw) return undefined;
    const values = JSON.parse(raw) as Partial<FormValues>;
    return typeof values.accessKeyId === 'string' && typeof values.secretAccessKey === 'string'
      ? (values as FormValues)
      : undefined;
  } catch {
    return undefined;
  }
}
