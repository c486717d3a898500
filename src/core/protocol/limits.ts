// How much one request may carry: the server refuses more (400.2, 413.1), and the tablet never sends more.

/** Responses per POST /api/v1/submissions; the tablet's batches are at most this. */
export const MAX_BATCH_ITEMS = 500;
/** Bytes per POST /api/v1/submissions: a full batch of long interviews fits with room to spare. */
export const MAX_BATCH_BYTES = 5 * 1024 * 1024;

/** Responses per hand-carried file imported with POST /api/v1/imports. */
export const MAX_IMPORT_ITEMS = 10_000;
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
