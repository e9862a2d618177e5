'use client';
import { useEffect } from 'react';

/**
 * While `dirty`, closing or reloading the tab asks first (the browser's own dialog). Links inside
 * the app are not intercepted: Next's router has no hook for that.
 */
export function useUnsavedWarning(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return undefined;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
}
