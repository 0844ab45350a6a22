// Package plural spells a count of things in English, for the messages
// the reader and the command line print ("1 article", "2 articles").
package plural

import "strconv"

// Noun is word as it follows the number n: "article" for 1, "articles"
// otherwise. Only regular nouns, which are all Herald counts.
func Noun(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// Count is n followed by its noun: "1 article", "2 articles".
func Count(n int, word string) string {
	return strconv.Itoa(n) + " " + Noun(n, word)
}
