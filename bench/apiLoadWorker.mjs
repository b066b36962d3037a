// Worker entry: registers tsx in the worker, then runs the TypeScript load generator.
import { register } from 'tsx/esm/api';

register();
await import('./apiLoadWorker.ts');
