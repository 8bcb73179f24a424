import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The build lands where Maven packages it: the jar serves it as static files at /.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'target/classes/static', emptyOutDir: true },
  // the tests read the manifest the platform's integration tests run (airbyte-test-support)
  server: { proxy: { '/api': 'http://localhost:8000' }, fs: { allow: ['.', '../airbyte-test-support/src/main/resources/manifests'] } },
  test: { environment: 'jsdom', include: ['src/**/*.test.{ts,tsx}'] },
});
