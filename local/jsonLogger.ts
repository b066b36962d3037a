import type { Logger } from '../src/core/JobServices.ts';

/** Structured logs: one JSON object a line with time, level and event. Callers pass names and counts, never content. */
export function createJsonLogger(
  write: (line: string) => void,
): Logger & { line(entry: Record<string, unknown>): void } {
  const emit = (level: string, event: string, fields: Record<string, unknown> = {}) =>
    write(JSON.stringify({ time: new Date().toISOString(), level, event, ...fields }));
  return {
    info: (event, fields) => emit('info', event, fields),
    warn: (event, fields) => emit('warn', event, fields),
    error: (event, fields) => emit('error', event, fields),
    line: (entry) => write(JSON.stringify({ time: new Date().toISOString(), level: 'info', ...entry })),
  };
}
