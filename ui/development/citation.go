package development

import (
	"strings"

	"partyoffice/data/rules"
)

// An article number not yet checked against the official text shows on
// screen with a small marker, "第十八条*", explained by a legend line
// (docs/rules.md, "Citations"); printed documents cite it without the
// article (rules.Rule.PrintedBasis) and never show the marker.
const (
	unverifiedMarker = "*"
	unverifiedLegend = unverifiedMarker + " " + rules.UnverifiedArticle
)

// unverifiedWords is how a finding's message (rules.Rule.Basis) says it.
const unverifiedWords = "，" + rules.UnverifiedArticle + "）"

// markUnverified puts the marker in place of the words 条文序号待核对原文
// in a message.
func markUnverified(msg string) string {
	return strings.ReplaceAll(msg, unverifiedWords, unverifiedMarker+"）")
}

// citesUnverified reports whether any of the findings cites an unverified
// article (so the legend is needed).
func citesUnverified(findings []rules.Finding) bool {
	for _, f := range findings {
		if strings.Contains(f.Message, unverifiedWords) {
			return true
		}
	}
	return false
}
