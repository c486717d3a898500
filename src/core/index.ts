// The core's public surface: what app and server may import from the pure layer.
export * from './forms/schema';
export * from './forms/visibility';
export * from './response/schema';
export * from './response/id';
export * from './response/canonical';
export * from './response/validate';
export * from './time';
export * from './forms/builtin';
