// Stylesheets imported for their side effect (bundled by Vite). Declared narrowly on purpose: pulling in
// all of `vite/client` would retype globals such as `performance` for the Node-side code in this project.
declare module '*.css'
