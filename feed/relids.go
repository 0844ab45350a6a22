package feed

// Related IDs of an article are packed into one string of six bytes per ID
// (the 48 bits of its 12 hex digits, big-endian): a library of 100,000
// articles with eight related stories each otherwise spends 16 bytes of
// string header per ID plus the ID's own 12 bytes (see bench_test.go for
// the memory budget).

const packedIDLen = idLen / 2

// packIDs packs the valid IDs (12 lowercase hex digits, as URLID makes
// them) of ids; others are dropped: they cannot match any article's ID.
func packIDs(ids []string) string {
	if len(ids) == 0 {
		return ""
	}
	b := make([]byte, 0, len(ids)*packedIDLen)
	for _, id := range ids {
		b = appendPackedID(b, id)
	}
	return string(b)
}

// appendPackedID appends id packed to b, or nothing when it is not a
// valid ID (see packIDs).
func appendPackedID(b []byte, id string) []byte {
	k, ok := IDKey(id)
	if !ok {
		return b
	}
	for shift := 40; shift >= 0; shift -= 8 {
		b = append(b, byte(k>>shift))
	}
	return b
}

// RelatedKeys yields the IDKey of every related ID of a (see
// RelatedIDList). It is an iterator to range over (for k := range
// a.RelatedKeys), not a slice: 100,000 articles build none.
func (a *Article) RelatedKeys(yield func(uint64) bool) {
	p, _, _ := a.relatedParts()
	for i := 0; i+packedIDLen <= len(p); i += packedIDLen {
		var k uint64
		for _, c := range []byte(p[i : i+packedIDLen]) {
			k = k<<8 | uint64(c)
		}
		if !yield(k | 1<<63) {
			return
		}
	}
}

// keyID is the ID an IDKey was made from.
func keyID(k uint64) string {
	const hex = "0123456789abcdef"
	var b [idLen]byte
	for i := idLen - 1; i >= 0; i-- {
		b[i] = hex[k&0xf]
		k >>= 4
	}
	return string(b[:])
}

// IDKey packs an ID (12 hex digits) into a number, with the top bit set so
// that no ID is 0: maps keyed by it are several times faster than by
// string, which matters at 500,000 related links. It reports false for
// anything that is not an ID.
func IDKey(id string) (uint64, bool) {
	if len(id) != idLen {
		return 0, false
	}
	var k uint64
	for i := range len(id) {
		c := id[i]
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		default:
			return 0, false
		}
		k = k<<4 | uint64(c)
	}
	return k | 1<<63, true
}
