//go:build ci

package settings

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"partyoffice/ui/core"
	"partyoffice/ui/meetings"
	"partyoffice/ui/uitest"
	"partyoffice/ui/widgets"
)

// The branch information on 设置与数据 is a form on a screen: switching
// screens or closing the window with typed changes asks first (issue 12).
func TestBranchSectionAsksBeforeLosingTypedWork(t *testing.T) {
	uitest.RequireScreenAsksBeforeLosingWork(t, newBranchSection,
		func(t *testing.T, a *core.App) string {
			uitest.TypeInto(a.Window.Canvas(), uitest.FindFormEntry(t, a.Window.Canvas(), "上级党委"), "银川市教育工委")
			return "银川市教育工委"
		})
}

// The idle lock covers an open form and keeps it: after unlocking, the typed
// minutes are there and typing goes on in the same field (issue 12).
func TestLockKeepsTheTypedWorkOfAnOpenForm(t *testing.T) {
	a, g, clock := guardedApp(t)
	c := a.Window.Canvas()
	meetings.ShowMeetingForm(a, nil)
	field := c.Focused()
	if field == nil {
		t.Fatal("the minutes form opened with no field focused")
	}
	test.Type(field, "支部党员大会")
	g.check() // the guard notes the typing
	*clock = clock.Add(10 * time.Minute)
	g.check()
	if !lockShown(a) {
		t.Fatal("the idle time did not lock")
	}
	if uitest.HasShown(c, "支部党员大会") && c.Overlays().Top() != g.screen {
		t.Fatal("the typed work shows above the lock")
	}
	test.Type(g.screen.password, "对的密码")
	uitest.TapButton(t, c, "解锁")
	if lockShown(a) {
		t.Fatal("did not unlock")
	}
	if c.Focused() != field {
		t.Fatalf("after unlocking the focus is on %T, not the field the user was typing in", c.Focused())
	}
	test.Type(c.Focused(), "（续）")
	uitest.RequireShown(t, c, "支部党员大会（续）")
}

// So are the 使用人 and the 节假日 table.
func TestOperatorAndHolidaysAskBeforeLosingTypedWork(t *testing.T) {
	uitest.RequireScreenAsksBeforeLosingWork(t, newOperatorCard,
		func(t *testing.T, a *core.App) string {
			uitest.TypeInto(a.Window.Canvas(), uitest.FindFormEntry(t, a.Window.Canvas(), "使用人"), "组织委员 张静")
			return "组织委员 张静"
		})
	uitest.RequireScreenAsksBeforeLosingWork(t, newHolidaySection,
		func(t *testing.T, a *core.App) string {
			uitest.TypeInto(a.Window.Canvas(), findMultiLineEntry(t, a.Window.Canvas()), "2027-10-09 班")
			return "2027-10-09 班"
		})
}

// The 党小组 name and the 移交包 password are dialogs like the other forms:
// Esc, 取消, another screen and the window's close button ask 放弃修改？
// once something was typed.
func TestGroupNameAsksBeforeLosingTypedWork(t *testing.T) {
	uitest.RequireAsksBeforeLosingWork(t, uitest.LeavePaths,
		func(t *testing.T, a *core.App) {
			(&groupsSection{app: a}).askName("新增党小组", nil, func(string) error { return nil })
		},
		func(t *testing.T, a *core.App) string {
			uitest.FillField(t, a.Window.Canvas(), "名称", "语文组党小组")
			return "语文组党小组"
		})
}

func TestHandoverPasswordAsksBeforeLosingTypedWork(t *testing.T) {
	uitest.RequireAsksBeforeLosingWork(t, uitest.LeavePaths,
		func(t *testing.T, a *core.App) { ShowMakeHandover(a) },
		func(t *testing.T, a *core.App) string {
			c := a.Window.Canvas()
			// A typed password shows as dots; the generated one is also
			// shown in words, which the check can see.
			uitest.TapButton(t, c, "生成密码")
			typed := uitest.FieldInput(t, c, "密码").(*widgets.FormEntry).Text
			uitest.FillField(t, c, "确认密码", typed)
			return "密码：" + typed
		})
}

func TestPackagePasswordAsksBeforeLosingTypedWork(t *testing.T) {
	uitest.RequireAsksBeforeLosingWork(t, uitest.LeavePaths,
		func(t *testing.T, a *core.App) { askPackagePassword(a, "移交包.poh", "", nil) },
		func(t *testing.T, a *core.App) string {
			c := a.Window.Canvas()
			uitest.FillField(t, c, "密码", "对的密码1234567")
			return "•" // a typed password shows as dots
		})
}
