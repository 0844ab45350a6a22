package civil

import (
	"testing"
	"time"
)

// TestDaysMatchesTime holds Days and DaysIn to the time package over every
// day of years either side of the epoch and of the Gregorian exceptions
// (1900 is not a leap year, 2000 is), and for a day past a month's end.
func TestDaysMatchesTime(t *testing.T) {
	for y := -401; y <= 2401; y++ {
		if y > 10 && y < 1890 || y > 2110 && y < 2390 {
			continue
		}
		for m := 1; m <= 12; m++ {
			n := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
			if got := DaysIn(y, m); got != n {
				t.Fatalf("DaysIn(%d, %d) = %d, want %d", y, m, got, n)
			}
			for d := 1; d <= n+1; d++ {
				want := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Unix()
				if got := int64(Days(y, m, d)) * 86400; got != want {
					t.Fatalf("Days(%d, %d, %d)*86400 = %d, want %d", y, m, d, got, want)
				}
			}
		}
	}
}
