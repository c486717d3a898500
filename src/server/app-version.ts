// The app version this server serves (package.json's, as vite writes it into the app): a tablet reporting an older one is behind.
import pkg from '../../package.json';

export const CURRENT_APP_VERSION: string = pkg.version;
