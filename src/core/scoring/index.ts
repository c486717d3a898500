// The scoring surface: indices, kiosk share, Wilson intervals, sample targets, quality flags.
export * from './wilson';
export * from './indices';
export * from './kiosk';
export * from './sample-size';
export * from './quality';
export * from './flagged-response';
