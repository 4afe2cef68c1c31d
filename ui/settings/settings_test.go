//go:build ci

package settings

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/ui/core"
	"partyoffice/ui/uitest"
)

func TestSettingsSavesBranchInformation(t *testing.T) {
	a := uitest.NewApp(t)
	uitest.Show(a, NewSettingsScreen(a))
	c := a.Window.Canvas()
	uitest.TypeInto(c, uitest.FindFormEntry(t, c, "支部名称"), "  实验小学党支部　")
	uitest.TypeInto(c, uitest.FindFormEntry(t, c, "书记"), "李红")
	uitest.TypeInto(c, uitest.FindFormEntry(t, c, "纪检委员"), "王刚")
	for _, o := range uitest.VisibleOnCanvas(c) {
		if ch, ok := o.(*widget.Check); ok && ch.Text == noCommitteeText {
			test.Tap(ch)
		}
	}
	uitest.TapButton(t, c, "保存")

	b, err := a.Store.Branch()
	if err != nil {
		t.Fatal(err)
	}
	if b.Name != "实验小学党支部" || b.Secretary != "李红" || b.DisciplineMember != "王刚" || !b.NoCommittee {
		t.Errorf("stored branch = %+v", b)
	}
	if b.RuleVersion != "2026.05" {
		t.Errorf("rule version = %q, want the default 2026.05", b.RuleVersion)
	}
	uitest.RequireText(t, c, "已保存")
}

func TestSettingsKeepsTheRuleVersionChoice(t *testing.T) {
	a := uitest.NewApp(t)
	if err := a.Store.SaveBranch(data.Branch{Name: "实验小学党支部", RuleVersion: "2014", Phone: "0951-1234567"}); err != nil {
		t.Fatal(err)
	}
	uitest.Show(a, NewSettingsScreen(a))
	c := a.Window.Canvas()
	if e := uitest.FindFormEntry(t, c, "联系电话"); e.Text != "0951-1234567" {
		t.Errorf("联系电话 shows %q", e.Text)
	}
	uitest.TapButton(t, c, "保存")
	if b, _ := a.Store.Branch(); b.RuleVersion != "2014" {
		t.Errorf("saving the form changed the rule version to %q", b.RuleVersion)
	}
}

func TestSettingsRefusesAnEmptyBranchName(t *testing.T) {
	a := uitest.NewApp(t)
	uitest.Show(a, NewSettingsScreen(a))
	c := a.Window.Canvas()
	uitest.TypeInto(c, uitest.FindFormEntry(t, c, "书记"), "李红")
	uitest.TapButton(t, c, "保存")
	if b, _ := a.Store.Branch(); b.Secretary != "" {
		t.Errorf("a branch without a name was saved: %+v", b)
	}
	uitest.RequireText(t, c, "请填写支部名称")
}

func TestSettingsFormKeepsTypingWhenOtherScreensChangeData(t *testing.T) {
	a := uitest.NewApp(t)
	uitest.Show(a, NewSettingsScreen(a))
	c := a.Window.Canvas()
	uitest.TypeInto(c, uitest.FindFormEntry(t, c, "书记"), "李红")
	uitest.AddPeople(t, a.Store, data.Person{Name: "张三"})
	a.NotifyChanged()
	if e := uitest.FindFormEntry(t, c, "书记"); e.Text != "李红" {
		t.Errorf("an unrelated change wiped the form: 书记 = %q", e.Text)
	}
}

func TestGroupsAddRenameLeaderDelete(t *testing.T) {
	a := uitest.NewApp(t)
	uitest.AddPeople(t, a.Store, data.Person{Name: "张三", Stage: data.StageFull}, data.Person{Name: "李四", Stage: data.StageFull})
	uitest.Show(a, NewSettingsScreen(a))
	c := a.Window.Canvas()
	uitest.SelectTab(t, c, "党小组")

	uitest.TapButton(t, c, "新增")
	uitest.FillField(t, c, "名称", "第一党小组")
	uitest.TapButton(t, c, "保存")
	groups, _ := a.Store.Groups()
	if len(groups) != 1 || groups[0].Name != "第一党小组" {
		t.Fatalf("groups after 新增 = %+v", groups)
	}
	uitest.FindLabel(t, c, "第一党小组")

	list := uitest.FindList(t, c, 1)
	list.Select(0)
	uitest.TapButton(t, c, "改名")
	uitest.FillField(t, c, "名称", "语文组党小组")
	uitest.TapButton(t, c, "保存")
	if groups, _ = a.Store.Groups(); groups[0].Name != "语文组党小组" {
		t.Fatalf("group after 改名 = %+v", groups[0])
	}

	list.Select(0)
	uitest.TapButton(t, c, "设组长")
	var pick *widget.Select
	for _, o := range uitest.VisibleObjects(c.Overlays().Top()) {
		if s, ok := o.(*widget.Select); ok {
			pick = s
		}
	}
	if pick == nil {
		t.Fatal("no 组长 choice in the dialog")
	}
	pick.SetSelected("李四")
	uitest.TapButton(t, c, "保存")
	groups, _ = a.Store.Groups()
	if groups[0].LeaderID == nil {
		t.Fatal("组长 not stored")
	}
	if p, _ := a.Store.Person(*groups[0].LeaderID); p.Name != "李四" {
		t.Errorf("组长 = %s, want 李四", p.Name)
	}
	uitest.FindLabel(t, c, "李四")

	member, _ := a.Store.Person(*groups[0].LeaderID)
	member.GroupID = &groups[0].ID
	if err := a.Store.UpdatePerson(&member); err != nil {
		t.Fatal(err)
	}
	a.NotifyChanged()
	list.Select(0)
	uitest.TapButton(t, c, "删除")
	uitest.RequireText(t, c, "记录都会保留")
	uitest.TapButton(t, c, "是")
	if groups, _ = a.Store.Groups(); len(groups) != 0 {
		t.Fatalf("groups after 删除 = %+v", groups)
	}
	if p, _ := a.Store.Person(member.ID); p.GroupID != nil || p.Name != "李四" {
		t.Errorf("the group's member after 删除 = %+v, want kept and ungrouped", p)
	}
}

func TestGroupActionsNeedASelection(t *testing.T) {
	a := uitest.NewApp(t)
	if err := a.Store.SaveGroup(&data.PartyGroup{Name: "第一党小组"}); err != nil {
		t.Fatal(err)
	}
	uitest.Show(a, NewSettingsScreen(a))
	c := a.Window.Canvas()
	uitest.SelectTab(t, c, "党小组")
	for _, name := range []string{"改名", "设组长", "删除"} {
		if !uitest.FindButton(t, c, name).Disabled() {
			t.Errorf("%s is enabled with no group selected", name)
		}
	}
}

func TestLeaderChoicesAreDistinctAndOwnGroupFirst(t *testing.T) {
	g := &groupsSection{
		groups:  []data.PartyGroup{{Model: data.Model{ID: 1}, Name: "一组"}},
		members: []data.Person{{Model: data.Model{ID: 5}, Name: "张伟"}, {Model: data.Model{ID: 6}, Name: "张伟"}},
	}
	one := uint(1)
	g.members[1].GroupID = &one
	g.members = append(g.members, data.Person{Model: data.Model{ID: 7}, Name: "张伟", GroupID: &one})
	labels, ids := g.leaderChoices(1)
	want := []string{noLeader, "张伟（一组）", "张伟（一组） #7", "张伟"}
	if strings.Join(labels, "|") != strings.Join(want, "|") {
		t.Errorf("labels = %q, want %q (the group's own members first)", labels, want)
	}
	if fmt.Sprint(ids) != "[0 6 7 5]" {
		t.Errorf("ids = %v, want [0 6 7 5]", ids)
	}
}

func TestBackupNowCreatesAListedBackup(t *testing.T) {
	a := uitest.NewApp(t)
	uitest.Show(a, NewSettingsScreen(a))
	c := a.Window.Canvas()
	uitest.SelectTab(t, c, "数据与备份")
	uitest.RequireText(t, c, "还没有备份")
	uitest.RequireText(t, c, a.Store.Dir())

	info, err := backupNow(a.Store)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(info.Path); err != nil {
		t.Fatalf("backup file: %v", err)
	}
	if !strings.Contains(info.Name, "手动") {
		t.Errorf("backup name %q does not say it was made by hand", info.Name)
	}
	a.NotifyChanged()
	uitest.FindLabel(t, c, info.Name)
	if uitest.HasTextContaining(c, "还没有备份") {
		t.Error("the empty-list text still shows")
	}
	if !uitest.FindButton(t, c, "从此备份恢复").Disabled() {
		t.Error("从此备份恢复 is enabled with no backup selected")
	}
	uitest.FindList(t, c, 1).Select(0)
	uitest.TapButton(t, c, "从此备份恢复")
	uitest.RequireText(t, c, "当前数据会先自动备份")
}

func TestFileSize(t *testing.T) {
	for n, want := range map[int64]string{0: "0 KB", 1: "1 KB", 1024: "1 KB", 1025: "2 KB", 3 << 20: "3.0 MB", 1536 << 10: "1.5 MB"} {
		if got := core.FileSize(n); got != want {
			t.Errorf("fileSize(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestFileURL(t *testing.T) {
	for path, want := range map[string]string{
		"/home/a/党支部": "file:///home/a/%E5%85%9A%E6%94%AF%E9%83%A8",
		`C:\Users\a`:  "file:///C:/Users/a",
	} {
		if os.PathSeparator == '/' && strings.Contains(path, `\`) {
			continue // a Windows path only converts on Windows
		}
		if got := core.FileURL(path).String(); got != want {
			t.Errorf("fileURL(%q) = %q, want %q", path, got, want)
		}
	}
}
