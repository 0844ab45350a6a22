package termprobe

import "testing"

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		name, reply string
		want        Reply
	}{
		{"nothing", "", Reply{}},
		{"kitty then DA1", "\x1b_Gi=31;OK\x1b\\\x1b[?62;22c", Reply{Kitty: true, Done: true}},
		{"kitty with more keys", "\x1b_Ga=q,i=31;OK\x1b\\\x1b[?62c", Reply{Kitty: true, Done: true}},
		{"kitty refuses", "\x1b_Gi=31;ENOTSUPPORTED:no\x1b\\\x1b[?62c", Reply{Done: true}},
		{"another image's OK", "\x1b_Gi=7;OK\x1b\\\x1b[?62c", Reply{Done: true}},
		{"sixel in DA1", "\x1b[?62;4;6;22c", Reply{Sixel: true, Done: true}},
		{"attribute 44 is not 4", "\x1b[?62;44c", Reply{Done: true}},
		{"DA1 alone", "\x1b[?1;2c", Reply{Done: true}},
		{"kitty after DA1 does not count", "\x1b[?62c\x1b_Gi=31;OK\x1b\\", Reply{Done: true}},
		{"kitty and sixel", "\x1b_Gi=31;OK\x1b\\\x1b[?65;4c", Reply{Kitty: true, Sixel: true, Done: true}},
		{"unfinished DA1", "\x1b_Gi=31;OK\x1b\\\x1b[?62;4", Reply{Kitty: true}},
		{"unfinished APC", "\x1b_Gi=31;O", Reply{}},
		{"keys and other replies first", "jk\x1b[5;1R\x1b]11;rgb:0/0/0\x07\x1b[?62;4c", Reply{Sixel: true, Done: true}},
		{"a CSI that is not DA1", "\x1b[>1;10;0c", Reply{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Parse([]byte(tc.reply)); got != tc.want {
				t.Errorf("Parse(%q) = %+v, want %+v", tc.reply, got, tc.want)
			}
		})
	}
}
