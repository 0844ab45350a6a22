package feed

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"path"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// idLen is the length of every ID: 12 lowercase hex characters (48 bits),
// short enough to read in a state file and, at 100,000 articles, about one
// chance in 50,000 of a single collision.
const idLen = 12

// trackingParams are query parameters that say where a click came from, not
// which page it is. They are dropped so the same article shared through two
// channels keeps one identity. Deliberately narrow: "ref" or "source" mean
// something on many sites (a git branch, a page section) and stay.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "gclsrc": true, "dclid": true, "gbraid": true,
	"wbraid": true, "msclkid": true, "mc_cid": true, "mc_eid": true, "_ga": true,
	"_gl": true, "igshid": true, "yclid": true, "twclid": true, "ttclid": true,
	"li_fat_id": true, "_hsenc": true, "_hsmi": true, "mkt_tok": true,
	"ocid": true, "cmpid": true, "ncid": true, "sr_share": true, "ref_src": true,
}

// appendCanonicalURL appends the normalised form of an article URL used
// for identity to dst, nothing when raw is not an absolute http(s) URL
// with a host.
//
// Two spellings of one page map to the same string: the scheme is dropped
// from identity (http and https are written as https), the host is
// lowercased without "www.", a trailing dot or a default port, user info,
// the fragment, tracking parameters (utm_*, fbclid, ...) and trailing
// slashes are removed, and the remaining query parameters are sorted.
//
// Most article URLs are plain ASCII with nothing to decode; those take a
// fast path that does not allocate (URLID runs for every related story of
// every file, so this is on the cold-load path), the rest go through
// net/url.
func appendCanonicalURL(dst []byte, raw string) []byte {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return dst
	}
	if out, ok := appendCanonicalFast(dst, raw); ok {
		return out
	}
	return append(dst, canonicalSlow(raw)...)
}

func canonicalSlow(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Opaque != "" {
		return ""
	}
	host := strings.ToLower(u.Hostname())
	host = strings.TrimSuffix(host, ".")
	host = strings.TrimPrefix(host, "www.")
	if host == "" {
		return ""
	}
	if strings.Contains(host, ":") { // IPv6 literal
		host = "[" + host + "]"
	}
	if port := u.Port(); port != "" && !(u.Scheme == "http" && port == "80") && !(u.Scheme == "https" && port == "443") {
		host += ":" + port
	}

	var b strings.Builder
	b.Grow(len(raw))
	b.WriteString("https://")
	b.WriteString(host)
	b.WriteString(strings.TrimRight(u.EscapedPath(), "/"))
	if q := canonicalQuery(u.RawQuery); q != "" {
		b.WriteByte('?')
		b.WriteString(q)
	}
	return b.String()
}

// fastURLByte marks the bytes the fast path handles: for URLs made only of
// these, net/url would keep every part as written (no escaping, decoding
// or validation to reproduce). TestCanonicalFastMatchesSlow holds the two
// paths to the same answers.
var fastURLByte = func() (t [256]bool) {
	for _, c := range "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:/?#" {
		t[c] = true
	}
	return t
}()

// appendCanonicalFast handles http(s) URLs of plain characters with a
// host of letters, digits, dots and dashes and an optional numeric port.
// ok is false when the URL needs the general path.
func appendCanonicalFast(dst []byte, raw string) (_ []byte, ok bool) {
	var rest string
	var https bool
	switch {
	case len(raw) > 8 && strings.EqualFold(raw[:8], "https://"):
		rest, https = raw[8:], true
	case len(raw) > 7 && strings.EqualFold(raw[:7], "http://"):
		rest = raw[7:]
	default:
		return dst, false
	}
	for i := 0; i < len(rest); i++ {
		if !fastURLByte[rest[i]] {
			return dst, false
		}
	}
	if i := strings.IndexByte(rest, '#'); i >= 0 {
		rest = rest[:i]
	}
	hostEnd := strings.IndexAny(rest, "/?")
	if hostEnd < 0 {
		hostEnd = len(rest)
	}
	host, after := rest[:hostEnd], rest[hostEnd:]
	port := ""
	if i := strings.IndexByte(host, ':'); i >= 0 {
		host, port = host[:i], host[i+1:]
		if port == "" || strings.Trim(port, "0123456789") != "" {
			return dst, false
		}
	}
	for i := 0; i < len(host); i++ {
		if c := host[i]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-') {
			return dst, false
		}
	}
	host = strings.TrimSuffix(host, ".")
	if len(host) >= 4 && strings.EqualFold(host[:4], "www.") {
		host = host[4:]
	}
	if host == "" {
		return dst, false
	}
	path, query := after, ""
	if i := strings.IndexByte(after, '?'); i >= 0 {
		path, query = after[:i], after[i+1:]
	}
	dst = append(dst, "https://"...)
	for i := 0; i < len(host); i++ {
		c := host[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	if port != "" && !(https && port == "443") && !(!https && port == "80") {
		dst = append(dst, ':')
		dst = append(dst, port...)
	}
	dst = append(dst, strings.TrimRight(path, "/")...)
	if query != "" {
		if q := canonicalQuery(query); q != "" {
			dst = append(dst, '?')
			dst = append(dst, q...)
		}
	}
	return dst, true
}

// canonicalQuery drops empty and tracking parameters and sorts the rest,
// keeping each parameter's encoding as written.
func canonicalQuery(raw string) string {
	if raw == "" {
		return ""
	}
	parts := strings.Split(raw, "&")
	kept := parts[:0]
	for _, p := range parts {
		if p == "" {
			continue
		}
		key, _, _ := strings.Cut(p, "=")
		if k, err := url.QueryUnescape(key); err == nil {
			key = k
		}
		key = strings.ToLower(key)
		if strings.HasPrefix(key, "utm_") || trackingParams[key] {
			continue
		}
		kept = append(kept, p)
	}
	slices.Sort(kept)
	return strings.Join(kept, "&")
}

// URLID is the ID of an article or related story with this URL: a short
// hash of its canonical form (appendCanonicalURL), or "" when raw is not an http(s) URL.
func URLID(raw string) string {
	var buf [512]byte
	b := append(buf[:0], "url\x00"...)
	n := len(b)
	b = appendCanonicalURL(b, raw)
	if len(b) == n {
		return ""
	}
	return sumID(b)
}

// PathID is the ID of an article that has no URL, from the file name of
// its path (rel, slash-separated; only the last element counts). The file
// name is what stays the same whichever folder above it is opened, so the
// ID, and the reading state it keys, do not depend on the folders given
// (a path under the root did: opening a parent folder changed it). URL and
// path IDs are hashed in different namespaces, so a file name can never
// collide with a URL by construction.
func PathID(rel string) string {
	return hashID("path\x00", path.Base(rel))
}

func hashID(namespace, s string) string {
	return sumID([]byte(namespace + s))
}

func sumID(b []byte) string {
	sum := sha256.Sum256(b)
	var out [idLen]byte
	hex.Encode(out[:], sum[:idLen/2])
	return string(out[:])
}

// minTitleKey is the shortest normalised title that may group articles into
// a story: shorter ones ("News", "Update", an empty title) say too little
// about what the article is to claim two files tell the same story.
const minTitleKey = 12

// noTitleKey is titleHashOf's answer for a title too short to group on;
// real hashes are odd, and 0 means "not computed".
const noTitleKey = 2

// titleHashOf hashes title's key (see appendTitleKey) with 32-bit FNV-1a,
// which is the same in every process, so the cache can keep it; key is
// scratch space, returned for reuse. Equal hashes are checked by comparing
// the keys (see Library.Finish), so a collision costs only that.
func titleHashOf(title string, key []byte) (uint32, []byte) {
	key, ok := appendTitleKey(key[:0], title)
	if !ok {
		return noTitleKey, key
	}
	h := uint32(2166136261)
	for _, c := range key {
		h = (h ^ uint32(c)) * 16777619
	}
	return h | 1, key
}

// appendTitleKey appends title's key to dst, the title normalised for
// linking saves: letters and digits only, lowercased, so case,
// punctuation, quotes and spacing do not matter. ok is false when the key
// is too short to group on. ASCII, most titles, skips the unicode tables.
func appendTitleKey(dst []byte, title string) (_ []byte, ok bool) {
	n := 0
	for i := 0; i < len(title); {
		if c := title[i]; c < utf8.RuneSelf {
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
				dst = append(dst, c)
				n++
			case 'A' <= c && c <= 'Z':
				dst = append(dst, c+'a'-'A')
				n++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(title[i:])
		i += size
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
			n++
		}
	}
	return dst, n >= minTitleKey
}
