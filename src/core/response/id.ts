// Response ids: UUIDv7 minted on the tablet when the interview starts; time-ordered, so the outbox and
// the server's primary key both sort by creation.
import { v7 } from 'uuid';

export function newResponseId(): string {
  return v7();
}

/** Milliseconds since the epoch encoded in a UUIDv7's first 48 bits. */
export function uuidV7Time(id: string): number {
  return parseInt(id.replace(/-/g, '').slice(0, 12), 16);
}
