// The save button and status line that close each settings form: saved in green, refused in bold red, read out by screen readers.
const ERROR_STYLE = { color: '#b3261e', fontWeight: 600 } as const;

export type SaveMessage = { ok: boolean; text: string } | null;

export function SaveRow({ label, message, busy = false }: { label: string; message: SaveMessage; busy?: boolean }) {
  return (
    <div>
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {label}
      </button>
      <span role="status" className={message?.ok ? 'ok-text' : undefined} style={message && !message.ok ? ERROR_STYLE : undefined}>
        {message ? ` ${message.text}` : ''}
      </span>
    </div>
  );
}
