// esbuild bundles imported stylesheets into index.css beside the script.
declare module '*.css';
