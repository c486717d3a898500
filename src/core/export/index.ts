// The export surface: columns, codebook, rows and summary for CSV and XLSX writers on the server.
export * from './labels';
export * from './neutralize';
export * from './columns';
export * from './rows';
export * from './summary';
