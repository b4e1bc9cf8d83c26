//go:build tools

// Package tools pins the Traefik release the lab builds; see ../build.mjs.
package tools

import _ "github.com/traefik/traefik/v3/cmd/traefik"
