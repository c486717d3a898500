// Starts every browser-test run from an empty server database, so counts in tests mean what they say.
import { rmSync } from 'node:fs';

export default function globalSetup(): void {
  rmSync('.tmp/e2e-data', { recursive: true, force: true });
}
