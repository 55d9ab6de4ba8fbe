/**
 * What other modules may ask of single sign-on. Kept to the store so that importing it (the
 * identity settings do) pulls in no protocol code.
 */
export { ssoEnabled } from './store.js';
