/** Largest input image the service takes (bytes), inline or uploaded: checked at the call, the upload and the worker. */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
