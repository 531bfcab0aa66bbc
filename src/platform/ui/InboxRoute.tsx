import { Slot } from '../../web/modules-context.tsx';
import { InboxPage } from './InboxPage.tsx';

/** /inbox: the platform's notices, then what modules add below them (the knowledge portal's saved searches). */
export function InboxRoute() {
  return (
    <InboxPage>
      <Slot name="inbox.sections" props={{}} />
    </InboxPage>
  );
}
