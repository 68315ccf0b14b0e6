import { createContext, useContext } from 'react';
import type { ApiClient } from './api-client';

/** Holds the signed-in API client for the pages below it. */
export const ApiContext = createContext<ApiClient | null>(null);

/** The signed-in API client; only pages rendered after sign-in may ask. */
export function useApi(): ApiClient {
  const api = useContext(ApiContext);
  if (!api) {
    throw new Error('useApi needs an ApiContext provider above it');
  }

  return api;
}
