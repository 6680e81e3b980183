// Side-effect imports of stylesheets are handled by Vite; tell TypeScript they exist.
declare module '*.css';
