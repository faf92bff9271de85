// The model's version, written into every exported CSV and JSON so a file says which simulator made it.
// Raise it whenever a change to src/model/ can change a result (a policy's loop, a default, a rate).
export const MODEL_VERSION = '2026.12-1';
