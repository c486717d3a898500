// react-i18next imports useSyncExternalStore from the use-sync-external-store shim, which carries a fallback for
// React before 18; vite.config.ts points that import here, to React's own (0.8 KB gzip less on every route).
export { useSyncExternalStore } from 'react';
