//go:build !unix

package cli

// noFollow is O_NOFOLLOW where the system has it.
const noFollow = 0
