package xdg

import (
	"path/filepath"
	"runtime"
	"testing"
)

func env(kv ...string) func(string) string {
	m := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return func(k string) string { return m[k] }
}

func TestHomes(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" || runtime.GOOS == "plan9" {
		t.Skip("the HOME fallbacks below are the Unix ones")
	}
	for _, tt := range []struct {
		name   string
		home   func(func(string) string) string
		getenv func(string) string
		want   string
	}{
		{"config from XDG", ConfigHome, env("XDG_CONFIG_HOME", "/x", "HOME", "/h"), "/x"},
		{"config ignores relative XDG", ConfigHome, env("XDG_CONFIG_HOME", "rel", "HOME", "/h"), "/h/.config"},
		{"config from HOME", ConfigHome, env("HOME", "/h"), "/h/.config"},
		{"config unknown", ConfigHome, env(), ""},
		{"state from XDG", StateHome, env("XDG_STATE_HOME", "/x", "HOME", "/h"), "/x"},
		{"state ignores relative XDG", StateHome, env("XDG_STATE_HOME", "rel", "HOME", "/h"), "/h/.local/state"},
		{"state unknown", StateHome, env(), ""},
		{"cache from XDG", CacheHome, env("XDG_CACHE_HOME", "/x", "HOME", "/h"), "/x"},
		{"cache ignores relative XDG", CacheHome, env("XDG_CACHE_HOME", "rel", "HOME", "/h"), "/h/.cache"},
		{"cache ignores relative HOME", CacheHome, env("HOME", "h"), ""},
		{"cache unknown", CacheHome, env(), ""},
	} {
		if got := tt.home(tt.getenv); got != filepath.FromSlash(tt.want) {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}
