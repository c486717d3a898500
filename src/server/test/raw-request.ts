// A request whose body is announced but never wholly sent, over a raw socket: a server that answers it answered before reading the body.
import net from 'node:net';

/** Sends the head of a request and `first` bytes of a body announced as `total` bytes; resolves with whatever the server answers before closing. */
export function answerBeforeBody(base: string, path: string, headers: Record<string, string>, total: number, first: number, method = 'POST'): Promise<string> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const sock = net.connect(Number(port), hostname);
    let got = '';
    sock.on('data', (d) => {
      got += d.toString('latin1');
    });
    sock.on('error', reject);
    sock.on('close', () => resolve(got));
    const head = Object.entries({ host: 'x', 'content-type': 'application/json', 'content-length': String(total), ...headers })
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
    // The rest of the body is never sent: a server that waits for it before answering never answers.
    sock.write(`${method} ${path} HTTP/1.1\r\n${head}\r\n${'['.repeat(first)}`);
  });
}
