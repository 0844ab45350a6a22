// Package civil is calendar arithmetic on plain year, month and day
// numbers, for the hot paths where time.Date costs more than the rest of
// the work: the dates in 100,000 file names, the timestamps of a large
// state log.
package civil

// Days is the number of days from 1970-01-01 to y-m-d in the proleptic
// Gregorian calendar (H. Hinnant's algorithm): the same as
// time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix()/86400, with a day past
// the month's end normalised the same way.
func Days(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	doy := (153*((m+9)%12)+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// DaysIn is the number of days in month m (1-12) of year y.
func DaysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
