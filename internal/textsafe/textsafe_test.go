package textsafe

import "testing"

func TestIsBidi(t *testing.T) {
	for _, r := range []rune{0x061C, 0x200E, 0x200F, 0x202A, 0x202E, 0x2066, 0x2069} {
		if !IsBidi(r) {
			t.Errorf("IsBidi(%U) = false", r)
		}
	}
	for _, r := range []rune{'a', ' ', 0x200D, 0x2029, 0x2070, 0x202F, 0x2065} {
		if IsBidi(r) {
			t.Errorf("IsBidi(%U) = true", r)
		}
	}
}
