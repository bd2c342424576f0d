/** The most a reader's device keeps of one course for offline reading (pages and data; scripts and styles besides). */
export const OFFLINE_CAP_BYTES = 64 * 1024 * 1024;
