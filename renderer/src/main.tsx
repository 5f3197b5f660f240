import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { geenFormuliergeheugen } from './formuliergeheugen';

geenFormuliergeheugen();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
