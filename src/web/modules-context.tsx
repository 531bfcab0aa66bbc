import { createContext, Suspense, useContext, useMemo, type ReactNode } from 'react';
import type { SlotName, SlotProps, UiManifest } from './manifest.ts';

const ModulesContext = createContext<readonly UiManifest[]>([]);

/** Makes the composed modules' manifests available to the shell and to the pages that have slots. */
export function ModulesProvider({ modules, children }: { modules: readonly UiManifest[]; children: ReactNode }) {
  return <ModulesContext.Provider value={modules}>{children}</ModulesContext.Provider>;
}

export function useModules(): readonly UiManifest[] {
  return useContext(ModulesContext);
}

/**
 * Renders what the modules put into one slot of a page, in their order. Each fill loads on its own, so a page of
 * a base layer (a State's profile) shows while a module's section (the directory's) is still loading.
 */
export function Slot<K extends SlotName>({ name, props }: { name: K; props: SlotProps[K] }) {
  const modules = useModules();
  const fills = useMemo(
    () =>
      modules
        .flatMap((m) => (m.slots?.[name] ?? []).map((fill, i) => ({ fill, key: `${m.name}.${i}` })))
        .sort((a, b) => a.fill.order - b.fill.order),
    [modules, name],
  );
  return (
    <>
      {fills.map(({ fill, key }) => {
        const Fill = fill.component;
        return (
          <Suspense key={key} fallback={null}>
            <Fill {...props} />
          </Suspense>
        );
      })}
    </>
  );
}
