// The admin console (/admin): sign in, move between sections, and make the changes an IT officer makes, by the
// words a person reads on the screen.
import { expect, type Locator, type Page } from '@playwright/test';
import type { Lang } from '../support/strings';
import { StaffPage } from './staff-page';

export type Section = 'sites' | 'people' | 'tablets' | 'handcarry' | 'codes' | 'alerts' | 'forms' | 'audit' | 'import';

export class AdminPage extends StaffPage {
  constructor(page: Page, lang: Lang = 'vi') {
    super(page, lang, 'admin', '/admin');
  }

  get screen(): Locator {
    return this.console;
  }

  get console(): Locator {
    return this.page.getByTestId('ad-console');
  }

  tab(section: Section): Locator {
    return this.page.getByRole('navigation', { name: this.s('tabs.label') }).getByRole('link', { name: this.s(`tabs.${section}`), exact: true });
  }

  section(section: Section): Locator {
    return this.page.getByTestId(`ad-section-${section}`);
  }

  /** Signs in and waits for the console. */
  override async signIn(username: string, password: string): Promise<void> {
    await super.signIn(username, password);
    await expect(this.console).toBeVisible();
  }

  async signOut(): Promise<void> {
    await this.page.getByTestId('ad-logout').click();
    await expect(this.loginHeading).toBeVisible();
  }

  async go(section: Section): Promise<void> {
    await this.tab(section).click();
    await expect(this.tab(section)).toHaveAttribute('aria-current', 'page');
    await expect(this.section(section)).toBeVisible();
  }

  // ---- a tablet's hand-carried file

  /** Picks the file a tablet exported and imports it; done once the result (or a message) is there. */
  async importHandCarry(file: string): Promise<void> {
    await this.page.getByTestId('handcarry-file').setInputFiles(file);
    await this.page.getByTestId('handcarry-import').click();
  }

  get handCarryResult(): Locator {
    return this.page.getByTestId('handcarry-result');
  }

  /** The count of one row ('responses' or 'refusals') under one verdict. */
  handCarryCount(kind: 'responses' | 'refusals', status: 'accepted' | 'duplicate' | 'conflict' | 'rejected'): Locator {
    return this.page.locator(`[data-testid="handcarry-counts"] tr[data-kind="${kind}"] td[data-status="${status}"]`);
  }

  get handCarryNotTaken(): Locator {
    return this.page.locator('[data-testid="handcarry-not-taken"] tbody tr');
  }

  // ---- sites

  siteRow(code: string): Locator {
    return this.page.getByTestId(`site-row-${code}`);
  }

  async createSite(site: { code: string; name: string; kind?: 'so-nganh' | 'quan-huyen' | 'xa-phuong' }): Promise<void> {
    const form = this.page.getByTestId('site-form');
    await form.getByLabel(this.s('sites.code')).fill(site.code);
    await form.getByLabel(this.s('sites.name')).fill(site.name);
    if (site.kind) await form.getByLabel(this.s('sites.kind')).selectOption(site.kind);
    await form.getByRole('button', { name: this.s('sites.create') }).click();
    await expect(form.getByRole('status')).toHaveText(this.s('sites.created', { code: site.code, name: site.name }));
    await expect(this.siteRow(site.code)).toBeVisible();
  }

  // ---- people

  personRow(key: string): Locator {
    return this.page.getByTestId(`person-row-${key}`);
  }

  get staffTable(): Locator {
    return this.page.getByTestId('staff-table');
  }

  get enumeratorsTable(): Locator {
    return this.page.getByTestId('enumerators-table');
  }

  /** A supervisor of the sites labelled "Name (CODE)". */
  async createSupervisor(p: { username: string; displayName: string; password: string; siteLabels: string[] }): Promise<void> {
    const form = this.page.getByTestId('staff-form');
    await form.getByLabel(this.s('people.username')).fill(p.username);
    await form.getByLabel(this.s('people.displayName')).fill(p.displayName);
    await form.getByLabel(this.s('people.password')).fill(p.password);
    for (const label of p.siteLabels) await form.getByRole('checkbox', { name: label }).check();
    await form.getByRole('button', { name: this.s('people.createStaff') }).click();
    await expect(form.getByRole('status')).toHaveText(this.s('people.created', { name: p.displayName }));
    await expect(this.personRow(p.username)).toBeVisible();
  }

  async createEnumerator(p: { displayName: string; siteLabel: string; pin?: string }): Promise<void> {
    const form = this.page.getByTestId('enumerator-form');
    await form.getByLabel(this.s('people.site'), { exact: true }).selectOption({ label: p.siteLabel });
    await form.getByLabel(this.s('people.displayName')).fill(p.displayName);
    if (p.pin) await form.getByLabel(this.s('people.pinOptional')).fill(p.pin);
    await form.getByRole('button', { name: this.s('people.createEnumerator') }).click();
    await expect(form.getByRole('status')).toHaveText(this.s(p.pin ? 'people.createdWithPin' : 'people.created', { name: p.displayName }));
    await expect(this.personRow(p.displayName)).toBeVisible();
  }

  // ---- tablets

  /** A tablet's card, by the name it was enrolled (or renamed) with. */
  tablet(name: string): Locator {
    return this.page.getByTestId(`tablet-${name}`);
  }

  /** One line of a tablet's card: 'enrolled', 'seen', 'sync', 'version', 'waiting', 'storage', 'error' or 'flags'. */
  tabletFact(name: string, fact: 'enrolled' | 'seen' | 'sync' | 'version' | 'waiting' | 'storage' | 'error' | 'flags'): Locator {
    return this.tablet(name).getByTestId(`tablet-${fact}`);
  }

  async refreshTablets(): Promise<void> {
    await this.section('tablets').getByRole('button', { name: this.s('refresh'), exact: true }).click();
    await expect(this.section('tablets').getByRole('button', { name: this.s('refresh'), exact: true })).toBeEnabled();
  }

  async showTabletsOf(siteLabel: string): Promise<void> {
    await this.page.getByTestId('tablets-site').selectOption({ label: siteLabel });
  }

  async renameTablet(name: string, to: string): Promise<void> {
    await this.tablet(name).getByRole('button', { name: this.s('tablets.renameOf', { name }) }).click();
    await this.tablet(name).getByLabel(this.s('tablets.name')).fill(to);
    await this.tablet(name).getByRole('button', { name: this.s('save') }).click();
    await expect(this.tablet(to)).toBeVisible();
  }

  /** Revokes after answering the console's question; the card leaves the list (shown again with "show revoked"). */
  async revokeTablet(name: string): Promise<void> {
    await this.tablet(name).getByRole('button', { name: this.s('tablets.revokeOf', { name }) }).click();
    await this.tablet(name).getByTestId('ad-confirm').getByRole('button', { name: this.s('tablets.revoke') }).click();
    await expect(this.tablet(name)).toHaveCount(0);
  }

  // ---- alert rules

  /** A site's row of the alert rules, by its code. */
  ruleRow(code: string): Locator {
    return this.page.getByTestId(`rule-row-${code}`);
  }

  /** Opens the site's rule for editing ("Name (CODE)" names it to screen readers) and types the numbers given. */
  async fillRule(code: string, siteLabel: string, rule: { windowMinutes?: string; thresholdPercent?: string; minRatings?: string }): Promise<Locator> {
    await this.ruleRow(code).getByRole('button', { name: this.s('alerts.editOf', { site: siteLabel }) }).click();
    const form = this.ruleRow(code).getByRole('form', { name: this.s('alerts.editOf', { site: siteLabel }) });
    if (rule.windowMinutes !== undefined) await form.getByLabel(this.s('alerts.field_windowMinutes')).fill(rule.windowMinutes);
    if (rule.thresholdPercent !== undefined) await form.getByLabel(this.s('alerts.field_thresholdPercent')).fill(rule.thresholdPercent);
    if (rule.minRatings !== undefined) await form.getByLabel(this.s('alerts.field_minRatings')).fill(rule.minRatings);
    return form;
  }

  async saveRule(form: Locator): Promise<void> {
    await form.getByRole('button', { name: this.s('save'), exact: true }).click();
  }

  // ---- audit

  get auditRows(): Locator {
    return this.page.getByTestId('audit-table').locator('tbody tr');
  }

  /** Narrows the audit log to one kind of action (its filter value, e.g. 'site.' or 'alert-rule.'). */
  async filterAudit(action: string): Promise<void> {
    await this.page.getByTestId('audit-action').selectOption(action);
    await this.page.getByRole('button', { name: this.s('audit.apply') }).click();
  }
}
