// The PIN pad over the settings screen when an enumerator with a PIN picks themselves; its own lazy chunk, so the
// pad and the kiosk's styles load only when someone is asked for a PIN (never on the kiosk's rating path).
import { PinPad, type EnumeratorPin } from '../kiosk/PinPad';
import '../kiosk/kiosk.css';

export default function EnumeratorPinDialog({ enumerator, onSuccess, onCancel }: { enumerator: EnumeratorPin; onSuccess: () => void; onCancel: () => void }) {
  return (
    <div className="kiosk-root pin-overlay">
      <PinPad purpose="enumerator" as="dialog" enumerator={enumerator} onSuccess={onSuccess} onCancel={onCancel} />
    </div>
  );
}
