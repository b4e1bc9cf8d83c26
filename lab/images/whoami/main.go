// Command whoami is the lab's whoami-compatible server: it answers with who it is and the request it received.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"
)

type config struct {
	port    string
	name    string
	verbose bool
}

func main() {
	cfg := parseFlags(os.Args[1:])
	server := &http.Server{
		Addr:              ":" + cfg.port,
		Handler:           newHandler(cfg),
		ReadHeaderTimeout: 10 * time.Second,
	}

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM, syscall.SIGINT)
	done := make(chan struct{})
	go func() {
		<-stop
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = server.Shutdown(ctx)
		close(done)
	}()

	log.Printf("whoami listening on %s", server.Addr)
	if err := server.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
		log.Fatal(err)
	}
	<-done
}

func parseFlags(args []string) config {
	flags := flag.NewFlagSet("whoami", flag.ExitOnError)
	port := flags.String("port", envOr("WHOAMI_PORT_NUMBER", "80"), "port to listen on (env WHOAMI_PORT_NUMBER)")
	name := flags.String("name", os.Getenv("WHOAMI_NAME"), "name shown in replies (env WHOAMI_NAME)")
	verbose := flags.Bool("verbose", false, "log every request")
	_ = flags.Parse(args)
	return config{port: *port, name: *name, verbose: *verbose}
}

func envOr(key, fallback string) string {
	if value, ok := os.LookupEnv(key); ok && value != "" {
		return value
	}
	return fallback
}

func newHandler(cfg config) http.Handler {
	var health atomic.Int32
	health.Store(http.StatusOK)

	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		writeText(w, cfg.name, r)
	})
	mux.HandleFunc("/api", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(describe(cfg.name, r))
	})
	mux.HandleFunc("/health", func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost {
			body, _ := io.ReadAll(io.LimitReader(r.Body, 16))
			code, err := strconv.Atoi(strings.TrimSpace(string(body)))
			if err != nil || code < 100 || code > 599 {
				http.Error(w, "POST a status code between 100 and 599", http.StatusBadRequest)
				return
			}
			health.Store(int32(code))
			return
		}
		w.WriteHeader(int(health.Load()))
	})

	if !cfg.verbose {
		return mux
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		log.Printf("%s %s %s from %s", r.Method, r.Host, r.RequestURI, r.RemoteAddr)
		mux.ServeHTTP(w, r)
	})
}

type reply struct {
	Hostname   string              `json:"hostname"`
	IP         []string            `json:"ip"`
	Headers    map[string][]string `json:"headers"`
	URL        string              `json:"url"`
	Host       string              `json:"host"`
	Method     string              `json:"method"`
	Name       string              `json:"name,omitempty"`
	RemoteAddr string              `json:"remoteAddr"`
}

func describe(name string, r *http.Request) reply {
	hostname, _ := os.Hostname()
	return reply{
		Hostname:   hostname,
		IP:         interfaceAddresses(),
		Headers:    r.Header,
		URL:        r.URL.String(),
		Host:       r.Host,
		Method:     r.Method,
		Name:       name,
		RemoteAddr: r.RemoteAddr,
	}
}

func writeText(w io.Writer, name string, r *http.Request) {
	hostname, _ := os.Hostname()
	if name != "" {
		fmt.Fprintf(w, "Name: %s\n", name)
	}
	fmt.Fprintf(w, "Hostname: %s\n", hostname)
	for _, ip := range interfaceAddresses() {
		fmt.Fprintf(w, "IP: %s\n", ip)
	}
	fmt.Fprintf(w, "RemoteAddr: %s\n", r.RemoteAddr)
	fmt.Fprintf(w, "%s %s %s\n", r.Method, r.RequestURI, r.Proto)
	fmt.Fprintf(w, "Host: %s\n", r.Host)
	keys := make([]string, 0, len(r.Header))
	for key := range r.Header {
		keys = append(keys, key)
	}
	sort.Strings(keys)
	for _, key := range keys {
		for _, value := range r.Header[key] {
			fmt.Fprintf(w, "%s: %s\n", key, value)
		}
	}
	fmt.Fprintln(w)
}

func interfaceAddresses() []string {
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return nil
	}
	ips := make([]string, 0, len(addrs))
	for _, addr := range addrs {
		switch v := addr.(type) {
		case *net.IPNet:
			ips = append(ips, v.IP.String())
		case *net.IPAddr:
			ips = append(ips, v.IP.String())
		}
	}
	return ips
}
