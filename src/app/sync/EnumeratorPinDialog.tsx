// The PIN pad over the settings screen when an enumerator with a PIN picks themselves; its own lazy chunk, so the
// pad and the kiosk's styles load only when someone is asked for a PIN (never on the kiosk's rating path).
import { useTranslation } from 'react-i18next';
import { PinPad, type EnumeratorPin } from '../kiosk/PinPad';
import '../kiosk/kiosk.css';

export default function EnumeratorPinDialog({ enumerator, onSuccess, onCancel }: { enumerator: EnumeratorPin; onSuccess: () => void; onCancel: () => void }) {
  const { t } = useTranslation('sync');
  const texts = { title: t('enrol.pinTitle', { name: enumerator.name }), help: t('enrol.pinHelp') };
  return (
    <div className="kiosk-root pin-overlay">
      <PinPad purpose="enumerator" as="dialog" enumerator={enumerator} texts={texts} onSuccess={onSuccess} onCancel={onCancel} />
    </div>
  );
}
