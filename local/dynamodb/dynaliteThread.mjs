// Runs dynalite in a worker thread: the API's event loop then spends no time serving DynamoDB requests,
// and on a 2-core machine the two run side by side. Plain JavaScript so the worker needs no loader.
import { parentPort, workerData } from 'node:worker_threads';
import dynalite from 'dynalite';

const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0, ...(workerData.path ? { path: workerData.path } : {}) });
server.once('error', (error) => parentPort.postMessage({ type: 'error', message: error.message }));
server.listen(workerData.port ?? 0, '127.0.0.1', () => parentPort.postMessage({ type: 'listening', port: server.address().port }));
parentPort.on('message', (message) => {
  if (message !== 'close') return;
  server.close(() => parentPort.postMessage({ type: 'closed' }));
  server.closeIdleConnections();
});
