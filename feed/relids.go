package feed

// Related IDs of a summary are packed into one string of six bytes per ID
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
		k, ok := idKey(id)
		if !ok {
			continue
		}
		for shift := 40; shift >= 0; shift -= 8 {
			b = append(b, byte(k>>shift))
		}
	}
	return string(b)
}

// relatedKeys yields the idKey of every related ID of a: RelatedIDs, then
// the packed ones.
func (a *Article) relatedKeys(yield func(uint64) bool) {
	for _, id := range a.RelatedIDs {
		if k, ok := idKey(id); ok && !yield(k) {
			return
		}
	}
	p := a.relIDs
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

// keyID is the ID an idKey was made from.
func keyID(k uint64) string {
	const hex = "0123456789abcdef"
	var b [idLen]byte
	for i := idLen - 1; i >= 0; i-- {
		b[i] = hex[k&0xf]
		k >>= 4
	}
	return string(b[:])
}

// listsAny reports whether a lists a related story known by one of ids
// (see articleURLIDs).
func listsAny(a *Article, ids [2]uint64) bool {
	for k := range a.relatedKeys {
		if k == ids[0] || k == ids[1] {
			return true
		}
	}
	return false
}
