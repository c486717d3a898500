// Names of the User Timing measures the store records, shared with the benchmarks that read them.
export const SAVE_ANSWER_MEASURE = 'hailong:save-answer';
