/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The lab is a separate process; the console never bundles it.
  outputFileTracingExcludes: { '*': ['lab/**', '.lab/**'] },
};

export default nextConfig;
