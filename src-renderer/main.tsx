// Must stay the first import: configures zod before any contract schema is built (see the file).
import './lib/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startTransport } from './api/client';
import { App } from './App';
import { ErrorBoundary } from './app/ErrorBoundary';
import { applyTheme } from './app/useTheme';
import { uiPrefs } from './lib/ui-prefs';
import { TooltipProvider } from './ui/Tooltip';
import './styles.css';

startTransport();
applyTheme(uiPrefs.theme());

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <ErrorBoundary scope="app">
      <TooltipProvider>
        <App />
      </TooltipProvider>
    </ErrorBoundary>
  </StrictMode>,
);
