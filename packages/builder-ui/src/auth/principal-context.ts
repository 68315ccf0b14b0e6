import { createContext, useContext } from 'react';
import type { SessionInfo } from '../api/access-types';

/** Who is signed in, for the pages below the app shell. */
export const PrincipalContext = createContext<SessionInfo | null>(null);

/** The signed-in principal; only pages rendered after sign-in may ask. */
export function usePrincipal(): SessionInfo {
  const principal = useContext(PrincipalContext);
  if (!principal) {
    throw new Error('usePrincipal needs a PrincipalContext provider above it');
  }

  return principal;
}
