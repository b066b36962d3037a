import { describe, expect, it } from 'vitest';
import { CloseStack } from '../../../../local/host/CloseStack.ts';

describe('CloseStack', () => {
  it('closes in reverse order of starting, each once, going on past a failure', async () => {
    const stack = new CloseStack();
    const closed: string[] = [];
    const part = (name: string, fails = false) => ({
      close: async () => {
        closed.push(name);
        if (fails) throw new Error(`${name} failed to close`);
      },
    });
    stack.push(part('stores'));
    stack.push(part('services', true));
    const server = stack.push(part('server'));
    expect(server).toHaveProperty('close');
    await Promise.all([stack.closeAll(), stack.closeAll()]);
    await stack.closeAll();
    expect(closed).toEqual(['server', 'services', 'stores']);
  });
});
