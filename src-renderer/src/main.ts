import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { restoreLanguagePreference } from './i18n/i18n.svelte';
import { theme, watchSystemTheme } from './state/theme.svelte';

// Theme and language are settled before the first paint, so a dark-mode user never sees a light flash.
restoreLanguagePreference();
watchSystemTheme();
document.documentElement.dataset.theme = theme.resolved;

mount(App, { target: document.getElementById('app') as HTMLElement });
