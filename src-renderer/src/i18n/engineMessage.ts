/**
 * Engine messages (errors, dataset warnings) in the user's language: a message with a code the
 * catalog knows is translated with its parameters; anything else shows its English text.
 */
import { ENGINE_MESSAGES, type MessageDTO } from '../contract';
import { t } from './i18n.svelte';
import type { MessageKey } from './translate';

export function engineMessageKey(code: string | undefined): MessageKey | null {
  const key = `engine.${code}`;
  return code !== undefined && Object.hasOwn(ENGINE_MESSAGES, key) ? (key as MessageKey) : null;
}

export function localizedMessage(m: MessageDTO): string {
  const key = engineMessageKey(m.code);
  return key ? t(key, m.params) : m.message;
}
