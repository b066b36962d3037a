/** The two things the core needs from a transport. */
export interface RealtimeSocket {
  send(text: string): void;
  close(code: number, reason: string): void;
}
