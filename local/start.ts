// `npm start`: the whole API on this machine. Prints where it is and how to call it; Ctrl-C stops it cleanly.
import { loadConfig } from '../src/config.ts';
import { startLocalApi } from './startLocalApi.ts';
import { startupBanner } from './startupBanner.ts';

// The AWS SDK warns on every start that its 2027 releases need Node 22; the README says so once instead.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
// This process is the server: every file it creates (LevelDB tables, s3rver objects, unmasked uploads among
// them) is its owner's alone, 0600 in 0700 folders. startLocalApi itself leaves the umask of a host process alone.
process.umask(0o077);

const config = (() => {
  try {
    return loadConfig();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
})();

const api = await startLocalApi({ log: (line) => process.stdout.write(`${line}\n`) }).catch((error: unknown) => {
  console.error(`could not start the local API: ${(error as Error).message}`);
  process.exit(1);
});
process.stdout.write(startupBanner(api, config));

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(130);
    stopping = true;
    process.stdout.write('\nstopping: finishing in-flight requests, closing stores...\n');
    void api.close().then(() => process.exit(0));
  });
}
