// Names both templates must agree on: the Traefik entrypoint the web app's routers attach to.
export const WEB_ENTRYPOINT = 'web';
// Traefik serves its API on the entrypoint named "traefik", port 8080 unless told otherwise.
export const TRAEFIK_DEFAULT_API_PORT = 8080;
