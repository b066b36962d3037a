import { Logger as PowertoolsLoggerInstance } from '@aws-lambda-powertools/logger';
import type { Logger } from '../../core/JobServices.ts';
import { POWERTOOLS_NAMES } from './powertoolsNames.ts';

/** Keys Powertools keeps for itself and drops (with a warning line) when a caller's fields use them. */
const RESERVED = new Set(['level', 'message', 'sampling_rate', 'service', 'timestamp']);

/**
 * The Logger port on Powertools Logger: one JSON line per call with Powertools' keys (level, message = the event
 * name, service, timestamp, cold_start, function_name, function_request_id, xray_trace_id once the handler
 * added the Lambda context) and the caller's fields. Callers pass names and counts, never content; a field
 * named like a Powertools key is kept under `_<key>` instead of being dropped.
 */
export class PowertoolsLogger implements Logger {
  readonly powertools: PowertoolsLoggerInstance;

  constructor(
    powertools: PowertoolsLoggerInstance = new PowertoolsLoggerInstance({ serviceName: POWERTOOLS_NAMES.service }),
  ) {
    this.powertools = powertools;
  }

  info(event: string, fields?: Record<string, unknown>): void {
    this.powertools.info(event, safeFields(fields));
  }

  warn(event: string, fields?: Record<string, unknown>): void {
    this.powertools.warn(event, safeFields(fields));
  }

  error(event: string, fields?: Record<string, unknown>): void {
    this.powertools.error(event, safeFields(fields));
  }
}

function safeFields(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([key, value]) => [RESERVED.has(key) ? `_${key}` : key, value]));
}
