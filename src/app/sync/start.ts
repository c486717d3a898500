// Starts everything sync needs in a tab: the uploader, and a refresh of site, enumerators and forms when due.
import { refreshIfStale } from './enrolment';
import { startUploader } from './uploader';

export function startSync(): void {
  startUploader();
  void refreshIfStale();
  window.addEventListener('online', () => void refreshIfStale());
}
