/** Keys of the panel's plain preferences (UXP localStorage); the token is kept in secure storage. */
export const SERVER_URL_KEY = 'brandlock.serverUrl';
/** Kept in secure storage (UXP secureStorage), never in settings. */
export const TOKEN_KEY = 'brandlock.token';
export const LAST_LUT_KEY = 'brandlock.lastLut';
export const LAST_QC_CATEGORY_KEY = 'brandlock.lastQcCategory';
