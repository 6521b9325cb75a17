/**
 * A subset of the CSS variables Figma injects into a plugin iframe shown with `themeColors: true`
 * (values from Figma's UI3 light and dark themes), so screenshots look as they do inside Figma.
 */
const light: Record<string, string> = {
  bg: '#ffffff', 'bg-secondary': '#f5f5f5', 'bg-tertiary': '#e6e6e6', 'bg-hover': '#f5f5f5', 'bg-pressed': '#e6e6e6',
  'bg-selected': '#e5f4ff', 'bg-brand': '#0d99ff', 'bg-brand-hover': '#007be5', 'bg-danger-tertiary': '#ffe2e0',
  'bg-warning-tertiary': '#fff1c2', 'bg-success-tertiary': '#cff7d3', text: '#1e1e1e', 'text-secondary': '#757575',
  'text-tertiary': '#b3b3b3', 'text-onbrand': '#ffffff', 'text-brand': '#007be5', 'text-danger': '#dc3412',
  'text-warning': '#b86200', 'text-success': '#14ae5c', border: '#e6e6e6', 'border-strong': '#2c2c2c',
  'border-selected': '#0d99ff', icon: '#1e1e1e', 'icon-secondary': '#757575',
};
const dark: Record<string, string> = {
  bg: '#2c2c2c', 'bg-secondary': '#383838', 'bg-tertiary': '#444444', 'bg-hover': '#383838', 'bg-pressed': '#444444',
  'bg-selected': '#4a5878', 'bg-brand': '#0c8ce9', 'bg-brand-hover': '#0a6dc2', 'bg-danger-tertiary': '#5f2a21',
  'bg-warning-tertiary': '#5c4a1e', 'bg-success-tertiary': '#1f4a30', text: '#ffffff', 'text-secondary': '#ffffffb3',
  'text-tertiary': '#ffffff66', 'text-onbrand': '#ffffff', 'text-brand': '#7cc4f8', 'text-danger': '#fca397',
  'text-warning': '#f7d15f', 'text-success': '#79d297', border: '#444444', 'border-strong': '#ffffff',
  'border-selected': '#0c8ce9', icon: '#ffffff', 'icon-secondary': '#ffffffb3',
};

/**
 * Injects the theme the way Figma does (a class on <html> and --figma-color-* variables) and, when
 * given the manifest's network access, the Content-Security-Policy Figma enforces it with: requests
 * to any other host fail as they would in Figma.
 */
export function themeHtml(html: string, theme: 'light' | 'dark', network?: string[]): string {
  const vars = Object.entries(theme === 'dark' ? dark : light).map(([k, v]) => `--figma-color-${k}:${v};`).join('');
  const style = `<style id="figma-style">:root{${vars}}</style>`;
  const csp = network ? `<meta http-equiv="Content-Security-Policy" content="connect-src ${network.length ? network.join(' ') : "'none'"}">` : '';
  return html.replace('<html lang="en">', `<html lang="en" class="figma-${theme}">`).replace('<head>', `<head>${csp}${style}`);
}
