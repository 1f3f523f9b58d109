/** A play id: 128 random bits in URL-safe base64 (see `newPlayId`). Shared by server and router. */
export const PLAY_ID = /^[A-Za-z0-9_-]{22}$/;
