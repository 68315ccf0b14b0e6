/**
 * Entry point of the Herald builder: takes a token handed over in the URL,
 * then mounts the app.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles.css';
import { App } from './App';
import { takeTokenFromUrl } from './auth/token-store';

takeTokenFromUrl();

const container = document.getElementById('root');
if (!container) {
  throw new Error('index.html must hold an element with id "root"');
}

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
