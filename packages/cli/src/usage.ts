/** Bad usage (unknown flag, bad value, unreadable path): reported as one line on stderr with exit code 2. */

export class UsageError extends Error {}
