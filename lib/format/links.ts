// Console URLs of a cluster's resources, so every mention of an instance, service or task links to its page.
export const instanceHref = (id: string) => `/instances/${encodeURIComponent(id)}`;
export const serviceHref = (name: string) => `/services/${encodeURIComponent(name)}`;
export const taskHref = (id: string) => `/tasks/${encodeURIComponent(id)}`;
