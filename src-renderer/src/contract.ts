/** The renderer's single door to the IPC contract's types (the only src-main import it may have). */
export type * from '../../src-main/contract/ipc';
export { MAX_ROWS_PER_REQUEST } from '../../src-main/contract/ipc';
export { ENGINE_MESSAGES } from '../../src-main/contract/messages';
export type { MessageDTO, MessageParams } from '../../src-main/contract/messages';
