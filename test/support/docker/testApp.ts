/**
 * The program of the Docker test image (run by `node` in `FROM localnode:20`), configured by
 * environment variables:
 * - PORT: serves `GET /` on 127.0.0.1:PORT (host networking) with `{ heldBytes, pid }`;
 * - HOLD_MIB: holds a Buffer of that many MiB filled with data (so every page is resident);
 * - BURN=1: keeps one CPU busy (in slices, so the server still answers);
 * - GROW_AFTER_MS: after that delay, allocates and fills 8 MiB every 20 ms (to be OOM-killed under
 *   a memory limit); GROW_LIMIT_MIB (default 256) caps it: past that it exits with code 3, so a
 *   machine that does not enforce the limit is not flooded.
 */
export const TEST_APP_SOURCE = String.raw`
const http = require('node:http');
const MiB = 1024 * 1024;
const held = Buffer.alloc(Number(process.env.HOLD_MIB || 0) * MiB, 0x5a);
if (process.env.BURN === '1') {
  const burn = () => { const end = Date.now() + 50; let x = 0; while (Date.now() < end) x += Math.sqrt(x + 1); setImmediate(burn); };
  burn();
}
if (process.env.GROW_AFTER_MS) {
  const chunks = [];
  const limit = Number(process.env.GROW_LIMIT_MIB || 256) * MiB;
  setTimeout(() => setInterval(() => {
    chunks.push(Buffer.alloc(8 * MiB, 1));
    if (chunks.length * 8 * MiB > limit) process.exit(3);
  }, 20), Number(process.env.GROW_AFTER_MS));
}
const server = http.createServer((_req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ heldBytes: held.length, pid: process.pid }));
});
server.listen(Number(process.env.PORT || 0), '127.0.0.1', () => console.log('listening on', server.address().port));
process.on('SIGTERM', () => process.exit(0));
`;

export const TEST_APP_DOCKERFILE = 'FROM localnode:20\nCOPY app.js /app.js\nCMD ["/app.js"]\n';
