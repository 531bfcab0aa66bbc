import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, api, ok } from '../../web/api/client.ts';
import type { Draft } from '../../web/api/types.ts';
import type { DraftContent } from '../draft.schema.ts';
import { mergePatch } from './mergePatch.ts';
import { setAt, type Path } from './paths.ts';

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'conflict' | 'error';

/** How long typing may pause before the draft is saved. */
export const AUTOSAVE_DELAY_MS = 800;

export interface Autosave {
  content: DraftContent;
  draft: Draft;
  status: SaveStatus;
  error: ApiError | null;
  /** Malformed values the API refused, by path ("assistance.0.electronicEvidence.dateRange.timeZone"). */
  invalid: { path: string; message: string }[];
  set: (path: Path, value: unknown) => void;
  /** Save now (before a download, finalising, leaving); resolves when nothing is left unsaved. */
  flush: () => Promise<boolean>;
  /** After a conflict: drop my changes and take the saved draft. */
  reload: () => Promise<void>;
  /** After a conflict: keep my changes, written over the newer saved version. */
  overwrite: () => Promise<void>;
  /** Take a newer draft from the server (after finalising, sharing). */
  replace: (d: Draft) => void;
  /** The version the server holds now (after the last save), for finalising. */
  currentVersion: () => number;
}

/**
 * Edits a draft locally and saves it in the background: a merge patch of what changed since the last
 * save, with the version it was based on, so that a save over someone else's newer one is refused (409)
 * and the user decides what to keep rather than losing either silently.
 */
export function useAutosave(initial: Draft, csrfToken: string): Autosave {
  const [draft, setDraft] = useState(initial);
  const [content, setContent] = useState<DraftContent>(initial.content);
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [error, setError] = useState<ApiError | null>(null);
  const [invalid, setInvalid] = useState<{ path: string; message: string }[]>([]);

  // refs: the save loop reads the latest values without re-creating its callbacks on every keystroke
  const contentRef = useRef(content);
  const baseRef = useRef<DraftContent>(initial.content); // what the server holds, as far as we know
  const versionRef = useRef(initial.version);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const blocked = useRef(false); // conflict: no more saves until the user chooses

  const saveNow = useCallback(async (): Promise<boolean> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    if (inFlight.current) await inFlight.current;
    if (blocked.current) return false;
    const sent = contentRef.current;
    const patch = mergePatch(baseRef.current, sent);
    if (patch === undefined) {
      setStatus('saved');
      return true;
    }
    setStatus('saving');
    const run = (async () => {
      try {
        const saved = await ok(api.PATCH('/api/v1/drafting/drafts/{id}', { params: { path: { id: initial.id } }, body: { version: versionRef.current, content: patch as Record<string, unknown> } }));
        versionRef.current = saved.version;
        baseRef.current = sent;
        setDraft(saved);
        setError(null);
        setInvalid([]);
        const more = mergePatch(sent, contentRef.current) !== undefined;
        setStatus(more ? 'pending' : 'saved');
        return true;
      } catch (e) {
        const err = e instanceof ApiError ? e : new ApiError(0, 'client', String(e));
        setError(err);
        if (err.status === 409) {
          blocked.current = true;
          setStatus('conflict');
        } else {
          if (err.status === 400) {
            setInvalid(err.issues.map((i) => ({ path: i.path.replace(/^body\.content\.?/, ''), message: i.message })));
          }
          setStatus('error');
        }
        return false;
      } finally {
        inFlight.current = null;
      }
    })();
    inFlight.current = run;
    const done = await run;
    // typing during the save: save again after the usual pause
    if (done && !blocked.current && mergePatch(baseRef.current, contentRef.current) !== undefined) schedule();
    return done;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [initial.id, csrfToken]);

  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
  }, [saveNow]);

  const set = useCallback(
    (path: Path, value: unknown) => {
      if (!draft.permissions.edit) return;
      const next = setAt(contentRef.current, path, value);
      contentRef.current = next;
      setContent(next);
      if (!blocked.current) {
        setStatus('pending');
        schedule();
      }
    },
    [schedule, draft.permissions.edit],
  );

  const flush = useCallback(async () => {
    if (blocked.current) return false;
    const done = await saveNow();
    return done && mergePatch(baseRef.current, contentRef.current) === undefined;
  }, [saveNow]);

  const replace = useCallback((d: Draft) => {
    versionRef.current = d.version;
    baseRef.current = d.content;
    contentRef.current = d.content;
    blocked.current = false;
    setDraft(d);
    setContent(d.content);
    setStatus('saved');
    setError(null);
    setInvalid([]);
  }, []);

  const reload = useCallback(async () => {
    replace(await ok(api.GET('/api/v1/drafting/drafts/{id}', { params: { path: { id: initial.id } } })));
  }, [initial.id, replace]);

  const overwrite = useCallback(async () => {
    const latest = await ok(api.GET('/api/v1/drafting/drafts/{id}', { params: { path: { id: initial.id } } }));
    versionRef.current = latest.version;
    baseRef.current = latest.content;
    blocked.current = false;
    setDraft(latest);
    await saveNow();
  }, [initial.id, saveNow]);

  // unsaved changes when the tab closes: let the browser ask
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (mergePatch(baseRef.current, contentRef.current) !== undefined) {
        void saveNow();
        e.preventDefault();
      }
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [saveNow]);

  // leaving the wizard inside the app: save what is pending
  useEffect(
    () => () => {
      if (timer.current) {
        clearTimeout(timer.current);
        void saveNow();
      }
    },
    [saveNow],
  );

  const currentVersion = useCallback(() => versionRef.current, []);

  return { content, draft, status, error, invalid, set, flush, reload, overwrite, replace, currentVersion };
}
