// The PIN pad an enumerator with a PIN meets when picking themselves on the enrolment card (a dialog over settings).
import { expect, type Locator, type Page } from '@playwright/test';
import { t, type Lang } from '../support/strings';

export class EnumeratorPinPad {
  constructor(
    readonly page: Page,
    readonly lang: Lang = 'vi',
  ) {}

  dialog(name: string): Locator {
    return this.page.getByRole('dialog', { name: t('sync:enrol.pinTitle', this.lang, { name }) });
  }

  get message(): Locator {
    return this.page.getByTestId('pin-message');
  }

  /** Ticks the enumerator's name on the card: the pad opens instead of the choice being made. */
  async open(card: Locator, name: string): Promise<Locator> {
    await card.getByRole('radio', { name }).click();
    const dialog = this.dialog(name);
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** Types the PIN on the pad's keys and confirms. */
  async enter(dialog: Locator, pin: string): Promise<void> {
    const keypad = dialog.getByRole('group', { name: t('kiosk:pin.keypad', this.lang) });
    for (const d of pin) await keypad.getByRole('button', { name: d, exact: true }).click();
    await expect(dialog.getByTestId('pin-input')).toHaveValue(pin);
    await keypad.getByRole('button', { name: t('kiosk:pin.ok', this.lang) }).click();
  }

  async expectWrong(dialog: Locator): Promise<void> {
    await expect(dialog.getByTestId('pin-message')).toHaveText(t('kiosk:pin.wrong', this.lang));
  }
}
