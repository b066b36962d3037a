/** Resolved settings (defaults applied by createRealtimeCore). */
export interface RealtimeSettings {
  keepAliveMs: number;
  connectionTimeoutMs: number;
  initTimeoutMs: number;
  maxSubscriptionsPerConnection: number;
  maxSubscriptionBytesPerConnection: number;
  maxConnectionDurationMs: number;
  maxDataMessageBytes: number;
}
