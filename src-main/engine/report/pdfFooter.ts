/** The PDF footer: the report's title and "page n / N", in Chromium's header/footer template form. */

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Chromium and Electron fill `pageNumber` and `totalPages`; the template needs its own font size. */
export function footerTemplate(title: string, language: string): string {
  const font =
    "'Noto Sans', Arial, 'Noto Sans CJK KR', 'Noto Sans KR', 'Apple SD Gothic Neo', 'Malgun Gothic', sans-serif";
  return (
    `<div lang="${escapeHtml(language)}" style="font-family:${font};font-size:8px;color:#52606d;width:100%;` +
    `margin:0 16mm;display:flex;justify-content:space-between;">` +
    `<span>${escapeHtml(title)}</span>` +
    `<span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`
  );
}
