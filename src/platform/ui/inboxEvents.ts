/** Tells the header's inbox link that the number of unread messages may have changed (a message was read). */
const EVENT = 'palermo:inbox-changed';

export function inboxChanged(): void {
  window.dispatchEvent(new Event(EVENT));
}

export function onInboxChanged(fn: () => void): () => void {
  window.addEventListener(EVENT, fn);
  return () => window.removeEventListener(EVENT, fn);
}
