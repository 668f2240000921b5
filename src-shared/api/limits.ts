/**
 * The largest request a host accepts, refused before it is parsed. The largest legitimate input is a
 * document of 5 MiB, sent as base64 (6.7 MiB of text) inside a small JSON envelope.
 */
export const MAX_REQUEST_BYTES = 8 * 1024 * 1024;
