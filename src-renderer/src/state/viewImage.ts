/** "Save view as PNG": the whole scrolled view drawn into one image, saved through main. */
import { t } from '../i18n/i18n.svelte';
import { elementPng, pngFileName, themeColors } from '../lib/exportImage';
import { app } from './app.svelte';

/** The element that scrolls the current view (App.svelte's <main>). */
function viewElement(): HTMLElement | null {
  return document.querySelector<HTMLElement>('main');
}

export async function saveViewPng(): Promise<void> {
  const root = viewElement();
  if (!root || !app.dataset) return;
  try {
    // The view's own page colour around the panels, as on screen.
    const page = getComputedStyle(document.documentElement).getPropertyValue('--bg').trim();
    const { url } = await elementPng(root, { ...themeColors(), ...(page && { background: page }) });
    await app.savePng(url, pngFileName(`${app.dataset.fileName} ${t(`nav.${app.view}`)}`));
  } catch (e) {
    app.showError({ kind: 'internal', message: t('export.imageFailed', { message: String(e) }) });
  }
}
