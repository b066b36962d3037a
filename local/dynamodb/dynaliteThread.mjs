// Runs dynalite in a worker thread: the API's event loop then spends no time serving DynamoDB requests,
// and on a 2-core machine the two run side by side. Plain JavaScript so the worker needs no loader.
// On a Unix socket when the parent gives one (it has removed any stale socket file), else on loopback TCP.
import { parentPort, workerData } from 'node:worker_threads';
import dynalite from 'dynalite';

const server = dynalite({
  createTableMs: 0,
  deleteTableMs: 0,
  updateTableMs: 0,
  ...(workerData.path ? { path: workerData.path } : {}),
});
server.once('error', (error) => parentPort.postMessage({ type: 'error', message: error.message }));
const listening = () =>
  parentPort.postMessage({ type: 'listening', port: workerData.socketPath ? undefined : server.address().port });
if (workerData.socketPath) server.listen(workerData.socketPath, listening);
else server.listen(workerData.port ?? 0, '127.0.0.1', listening);
parentPort.on('message', (message) => {
  if (message !== 'close') return;
  server.close(() => parentPort.postMessage({ type: 'closed' }));
  server.closeIdleConnections();
});
