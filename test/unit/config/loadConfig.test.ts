import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { InvalidInputError } from '../../../src/core/errors.ts';

describe('loadConfig', () => {
  it('applies defaults', () => {
    expect(loadConfig({})).toEqual({ debug: false });
  });

  it('parses booleans', () => {
    expect(loadConfig({ HDM_DEBUG: 'true' })).toEqual({ debug: true });
    expect(loadConfig({ HDM_DEBUG: '0' }).debug).toBe(false);
  });

  it('reports bad keys without echoing values', () => {
    let error: unknown;
    try {
      loadConfig({ HDM_DEBUG: 'Jane Roe 555-0143' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    const message = (error as Error).message;
    expect(message).toContain('HDM_DEBUG');
    expect(message).not.toContain('Jane');
    expect(message).not.toContain('555');
  });
});
