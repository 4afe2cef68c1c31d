//go:build ci

package uitest

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"partyoffice/data/demo"
	"partyoffice/ui/core"
)

// NewDemoApp is NewApp on a store filled with the demo school (the data the
// `demo` command and the wizard's 载入示例数据 give), as of Today.
func NewDemoApp(t *testing.T) *core.App {
	t.Helper()
	a := NewApp(t)
	if err := demo.Fill(a.Store, a.Today()); err != nil {
		t.Fatalf("demo data: %v", err)
	}
	return a
}

// WidestPath is the chain of objects, from root down, that makes root wider
// than maxWidth: at each step the widest child, as long as it takes most of
// its parent's width (a wrapper, the row's one long text), down to the object
// whose own content is too wide (a long text, a row of many buttons). Each
// step is named by its type, its text when it draws one and its minimum size.
func WidestPath(root fyne.CanvasObject, maxWidth float32) string {
	return culpritPath(root, func(s fyne.Size) float32 { return s.Width }, maxWidth)
}

// TallestPath is WidestPath for the height.
func TallestPath(root fyne.CanvasObject, maxHeight float32) string {
	return culpritPath(root, func(s fyne.Size) float32 { return s.Height }, maxHeight)
}

// culpritPath follows the child that takes most (60 %) of its parent's
// extent along dim while that is above limit.
func culpritPath(root fyne.CanvasObject, dim func(fyne.Size) float32, limit float32) string {
	var steps []string
	for o := root; o != nil; {
		steps = append(steps, describe(o))
		var next fyne.CanvasObject
		for _, c := range children(o) {
			if next == nil || dim(c.MinSize()) > dim(next.MinSize()) {
				next = c
			}
		}
		if next != nil && (dim(next.MinSize()) < 0.6*dim(o.MinSize()) || dim(next.MinSize()) <= limit/2) {
			next = nil
		}
		if next == nil {
			var parts []string
			for _, c := range children(o) {
				parts = append(parts, describe(c))
			}
			if len(parts) > 0 {
				steps[len(steps)-1] += " of [" + strings.Join(parts, ", ") + "]"
			}
		}
		o = next
	}
	return strings.Join(steps, " > ")
}

func describe(o fyne.CanvasObject) string {
	name := reflect.TypeOf(o).String()
	if c, ok := o.(*fyne.Container); ok && c.Layout != nil {
		name = reflect.TypeOf(c.Layout).String()
	}
	if text := []rune(textOfObject(o)); len(text) > 0 {
		name += fmt.Sprintf("%q", string(text[:min(len(text), 30)]))
	}
	return fmt.Sprintf("%s(%.0f×%.0f)", name, o.MinSize().Width, o.MinSize().Height)
}

// children are the visible objects whose minimum size counts in o's: a
// container's objects, a widget's renderer objects, and every tab's content
// of a tab container (its minimum size is the largest of them, shown or not).
func children(o fyne.CanvasObject) []fyne.CanvasObject {
	var all []fyne.CanvasObject
	switch v := o.(type) {
	case *container.AppTabs:
		for _, item := range v.Items {
			all = append(all, item.Content)
		}
		return all
	case *fyne.Container:
		all = v.Objects
	case fyne.Widget:
		all = test.WidgetRenderer(v).Objects()
	}
	var shown []fyne.CanvasObject
	for _, c := range all {
		if c.Visible() {
			shown = append(shown, c)
		}
	}
	return shown
}

// EachTab calls visit once for every tab of every tab container shown
// inside root, nested tabs included, with the tab titles that lead to it
// ("" when root has no tabs), after selecting that tab.
func EachTab(root fyne.CanvasObject, visit func(path string)) {
	eachTab(root, "", visit)
}

func eachTab(root fyne.CanvasObject, path string, visit func(string)) {
	tabs := firstTabs(root)
	if tabs == nil {
		visit(path)
		return
	}
	selected := tabs.Selected()
	for _, item := range tabs.Items {
		tabs.Select(item)
		eachTab(item.Content, strings.TrimPrefix(path+" › "+item.Text, " › "), visit)
	}
	tabs.Select(selected)
}

// firstTabs is the first visible AppTabs inside root, outermost first.
func firstTabs(root fyne.CanvasObject) *container.AppTabs {
	for _, o := range VisibleObjects(root) {
		if tabs, ok := o.(*container.AppTabs); ok {
			return tabs
		}
	}
	return nil
}
