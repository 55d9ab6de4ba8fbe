import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const THEME_COLOR = '#2450b2';

/** Server paths that must always reach the network, never the service worker's app shell. */
const SERVER_ONLY_PATHS = [/^\/api(\/|$)/, /^\/auth(\/|$)/, /^\/metrics(\/|$)/, /^\/healthz(\/|$)/, /^\/readyz(\/|$)/];

const backend = { target: 'http://localhost:3000', ws: true };

export default defineConfig({
  root: 'web',
  publicDir: 'public',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The production CSP forbids inline scripts and data: scripts, so never inline assets as code.
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/, priority: 3 },
            { name: 'ui', test: /node_modules[\\/](@radix-ui|@floating-ui|aria-hidden|react-remove-scroll)/, priority: 2 },
            { name: 'vendor', test: /node_modules/, priority: 1 },
          ],
        },
      },
    },
  },
  resolve: {
    alias: {
      // Radix's scroll lock injects a <style> element, which the CSP refuses; this one uses CSSOM.
      'react-style-singleton': fileURLToPath(new URL('./web/src/vendor/style-singleton.ts', import.meta.url)),
    },
  },
  server: {
    proxy: { '/api': backend, '/auth': backend },
  },
  plugins: [
    react(),
    VitePWA({
      registerType: 'autoUpdate',
      // 'script' adds <script src="/registerSW.js">: an external file, allowed by script-src 'self'.
      injectRegister: 'script',
      includeAssets: ['icon.svg', 'apple-touch-icon.png'],
      manifest: {
        name: 'Commonplace',
        short_name: 'Commonplace',
        description: 'Your company, together: people, groups and chat.',
        theme_color: THEME_COLOR,
        background_color: '#ffffff',
        display: 'standalone',
        start_url: '/',
        scope: '/',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: SERVER_ONLY_PATHS,
        // API answers are per person and per company: caching them would leak across sign-ins.
        runtimeCaching: [],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
});
