// The package's public API: the domain model and masking, and the local detector.
export * from './core/index.ts';
export { LocalPhiDetector, type LocalPhiDetectorOptions } from './detect/LocalPhiDetector.ts';
