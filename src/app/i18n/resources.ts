// Every locale file, one namespace per area of the app, so each screen's strings live beside its peers.
import viCommon from './locales/vi/common.json';
import enCommon from './locales/en/common.json';
import viInterview from './locales/vi/interview.json';
import enInterview from './locales/en/interview.json';
import viKiosk from './locales/vi/kiosk.json';
import enKiosk from './locales/en/kiosk.json';
import viSync from './locales/vi/sync.json';
import enSync from './locales/en/sync.json';
import viSupervisor from './locales/vi/supervisor.json';
import enSupervisor from './locales/en/supervisor.json';
import viProblems from './locales/vi/problems.json';
import enProblems from './locales/en/problems.json';

export const resources = {
  vi: { common: viCommon, interview: viInterview, kiosk: viKiosk, sync: viSync, supervisor: viSupervisor, problems: viProblems },
  en: { common: enCommon, interview: enInterview, kiosk: enKiosk, sync: enSync, supervisor: enSupervisor, problems: enProblems },
} as const;

export const namespaces = Object.keys(resources.vi);
