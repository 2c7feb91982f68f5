import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The web app lives in src/web and is built into dist/web, which the server serves
// (src/server/app.ts). During development `npx vite` serves it with hot reload and
// forwards /api to a server started with `npm start` on port 3000.
const ROOT = import.meta.dirname;

export default defineConfig({
  root: resolve(ROOT, "src/web"),
  plugins: [react()],
  // Shared code (src/domain, src/extract) sits outside the web root.
  server: {
    port: 5173,
    fs: { allow: [ROOT] },
    proxy: { "/api": { target: "http://localhost:3000", changeOrigin: false } },
  },
  build: {
    outDir: resolve(ROOT, "dist/web"),
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        // The UI framework changes rarely: one long-cached chunk, apart from our own code.
        codeSplitting: {
          groups: [
            { name: "react", test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/, priority: 20 },
            { name: "antd", test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|dayjs|@emotion|stylis)[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
});
