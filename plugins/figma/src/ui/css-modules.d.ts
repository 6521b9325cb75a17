/** esbuild bundles the UI's stylesheet; the build inlines it into ui.html. */
declare module '*.css';
