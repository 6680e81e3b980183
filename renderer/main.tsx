import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { installBridge, onStoreProblem } from './api/client';
import { App } from './app/App';
import { useAppStore } from './app/appStore';
import { refuseStrayDrops } from './app/strayDrops';
import { createHttpBridge } from './bridge/httpBridge';
import { themeAttribute } from './features/settings/settingsState';
import { rememberedTheme } from './features/settings/settingsStore';
import './styles/app.css';

// Paint in the last theme right away, before the settings arrive.
const theme = themeAttribute(rememberedTheme());
if (theme) document.documentElement.dataset.theme = theme;

// In Electron the preload provides the bridge; in a browser tab, talk to the loopback host.
installBridge(window.fieldbook ?? createHttpBridge());
onStoreProblem((error) => useAppStore.getState().reportStoreProblem(error));
refuseStrayDrops(window);

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
