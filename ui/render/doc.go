// Package render turns an article into what the detail pane shows: the
// Markdown document with its numbered links (Document), the terminal text
// glamour makes of it (Renderer), and the filter that keeps untrusted text
// from reaching the terminal as anything but text and colours (Safe).
package render
