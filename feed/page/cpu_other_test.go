//go:build !unix

package page

import "time"

func cpuTime() time.Duration { return 0 }
