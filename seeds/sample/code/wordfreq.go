// Command wordfreq counts how often each word appears in its input and
// prints the most common ones.
//
// Usage:
//
//	wordfreq [-n 10] < input.txt
//
// A word is a run of letters or digits, optionally joined by internal
// apostrophes ("don't", "o'clock"). Words are compared case-insensitively.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"unicode"
)

// WordCount pairs a word with the number of times it occurred.
type WordCount struct {
	Word  string
	Count int
}

// CountWords reads r to the end and returns the frequency of every word.
func CountWords(r io.Reader) (map[string]int, error) {
	counts := make(map[string]int)
	scanner := bufio.NewScanner(r)
	// Allow lines of up to 1 MiB instead of the default 64 KiB.
	scanner.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	for scanner.Scan() {
		for _, word := range splitWords(scanner.Text()) {
			counts[word]++
		}
	}
	if err := scanner.Err(); err != nil {
		return nil, fmt.Errorf("reading input: %w", err)
	}
	return counts, nil
}

// splitWords lower-cases line and splits it into words, trimming any
// apostrophes that are not between two word characters.
func splitWords(line string) []string {
	isSeparator := func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’'
	}
	var words []string
	for _, field := range strings.FieldsFunc(strings.ToLower(line), isSeparator) {
		field = strings.Trim(field, "'’")
		if field != "" {
			words = append(words, field)
		}
	}
	return words
}

// SortByCount returns the entries of counts ordered from most to least
// frequent. Ties are broken alphabetically so the output is deterministic.
func SortByCount(counts map[string]int) []WordCount {
	result := make([]WordCount, 0, len(counts))
	for word, count := range counts {
		result = append(result, WordCount{Word: word, Count: count})
	}
	sort.Slice(result, func(i, j int) bool {
		if result[i].Count != result[j].Count {
			return result[i].Count > result[j].Count
		}
		return result[i].Word < result[j].Word
	})
	return result
}

func main() {
	top := flag.Int("n", 10, "number of words to print (0 prints all)")
	flag.Parse()

	counts, err := CountWords(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "wordfreq:", err)
		os.Exit(1)
	}

	sorted := SortByCount(counts)
	if *top > 0 && *top < len(sorted) {
		sorted = sorted[:*top]
	}

	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for _, wc := range sorted {
		fmt.Fprintf(out, "%7d  %s\n", wc.Count, wc.Word)
	}
}
