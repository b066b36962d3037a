import { describe, expect, it } from 'vitest';
import { realtimeUrlOf } from '../../../src/client/realtimeUrlOf.ts';

describe('realtimeUrlOf', () => {
  it("maps AppSync's API domain to its real-time domain, as Amplify does", () => {
    expect(realtimeUrlOf('https://abcdefghijklmnopqrstuvwxyz.appsync-api.eu-west-1.amazonaws.com/graphql')).toBe(
      'wss://abcdefghijklmnopqrstuvwxyz.appsync-realtime-api.eu-west-1.amazonaws.com/graphql',
    );
  });

  it('keeps the China partition suffix', () => {
    expect(realtimeUrlOf('https://abc.appsync-api.cn-north-1.amazonaws.com.cn/graphql')).toBe(
      'wss://abc.appsync-realtime-api.cn-north-1.amazonaws.com.cn/graphql',
    );
  });

  it('appends /realtime for any other host, http -> ws', () => {
    expect(realtimeUrlOf('http://127.0.0.1:4000/graphql')).toBe('ws://127.0.0.1:4000/graphql/realtime');
  });

  it('appends /realtime for custom domains, https -> wss', () => {
    expect(realtimeUrlOf('https://api.example.test/graphql')).toBe('wss://api.example.test/graphql/realtime');
    expect(realtimeUrlOf('https://api.example.test/graphql/')).toBe('wss://api.example.test/graphql/realtime');
  });

  it('does not take a look-alike host for AppSync', () => {
    expect(realtimeUrlOf('https://abc.appsync-api.us-east-1.amazonaws.com.example.test/graphql')).toBe(
      'wss://abc.appsync-api.us-east-1.amazonaws.com.example.test/graphql/realtime',
    );
  });
});
