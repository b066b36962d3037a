import { describe, expect, it } from 'vitest';
import { LocalEventBus } from '../../../../local/host/LocalEventBus.ts';

describe('LocalEventBus', () => {
  it('runs the handlers of an event in subscription order, awaiting each before the next', async () => {
    const bus = new LocalEventBus();
    const seen: string[] = [];
    bus.on('jobQueued', async (jobId) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen.push(`first ${jobId}`);
    });
    bus.on('jobQueued', (jobId) => void seen.push(`second ${jobId}`));
    bus.on('listening', () => void seen.push('never'));
    await bus.emit('jobQueued', 'job-1');
    expect(seen).toEqual(['first job-1', 'second job-1']);
  });

  it('lets the emitter see a handler fail, and stops there', async () => {
    const bus = new LocalEventBus();
    let after = false;
    bus.on('mutationResult', () => {
      throw new Error('publishJobUpdate refused the worker (Unauthorized)');
    });
    bus.on('mutationResult', () => void (after = true));
    await expect(bus.emit('mutationResult', { field: 'publishJobUpdate', result: {} })).rejects.toThrow(
      'refused the worker',
    );
    expect(after).toBe(false);
  });

  it('drops an event nobody handles yet', async () => {
    const bus = new LocalEventBus();
    await expect(bus.emit('listening', { origin: 'http://127.0.0.1:4000' })).resolves.toBeUndefined();
  });
});
