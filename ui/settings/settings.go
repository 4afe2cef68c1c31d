// Package settings is 设置与数据 and the 操作日志: branch information, groups,
// backups, handover packages, password and screen lock, and the first-run wizard.
package settings

import (
	"errors"
	"fmt"
	"image/color"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/ui/core"
	"partyoffice/ui/widgets"
)

// NewSettingsScreen is 设置与数据: the program's user and the branch
// information, the 党小组, the local requirements, the holiday table, the
// data folder with its backups, and the password.
func NewSettingsScreen(a *core.App) fyne.CanvasObject {
	tabs := container.NewAppTabs(
		container.NewTabItemWithIcon("支部信息", theme.HomeIcon(),
			container.NewBorder(newOperatorCard(a), nil, nil, nil, newBranchSection(a))),
		container.NewTabItemWithIcon("党小组", theme.AccountIcon(), newGroupsSection(a)),
		container.NewTabItemWithIcon("本地要求", theme.ListIcon(), newLocalSection(a)),
		container.NewTabItemWithIcon("节假日", theme.CalendarIcon(), newHolidaySection(a)),
		container.NewTabItemWithIcon("数据与备份", theme.StorageIcon(), newDataSection(a)),
		container.NewTabItemWithIcon("密码与隐私", theme.VisibilityOffIcon(), newPasswordSection(a)),
	)
	if managesServerUsers(a.Store) {
		tabs.Append(container.NewTabItemWithIcon("服务器用户", theme.AccountIcon(), newServerUsersSection(a)))
	}
	return tabs
}

// branchText is one text field of data.Branch as the forms show it.
type branchText struct {
	Label, Hint string
	field       func(b *data.Branch) *string
}

var (
	branchName         = branchText{"支部名称", "例如：XX小学党支部", func(b *data.Branch) *string { return &b.Name }}
	branchSuperior     = branchText{"上级党委", "例如：XX区教育工委", func(b *data.Branch) *string { return &b.Superior }}
	branchUnit         = branchText{"所在单位", "例如：XX市XX小学", func(b *data.Branch) *string { return &b.Unit }}
	branchCode         = branchText{"党组织代码", "上级党委给的代码，没有可不填", func(b *data.Branch) *string { return &b.Code }}
	branchPhone        = branchText{"联系电话", "", func(b *data.Branch) *string { return &b.Phone }}
	branchSecretary    = branchText{"书记", "", func(b *data.Branch) *string { return &b.Secretary }}
	branchDeputy       = branchText{"副书记", "", func(b *data.Branch) *string { return &b.DeputySecretary }}
	branchOrganization = branchText{"组织委员", "", func(b *data.Branch) *string { return &b.OrganizationMember }}
	branchPropaganda   = branchText{"宣传委员", "", func(b *data.Branch) *string { return &b.PropagandaMember }}
	branchDiscipline   = branchText{"纪检委员", "", func(b *data.Branch) *string { return &b.DisciplineMember }}
)

// ruleVersions are the 发展党员工作细则 versions a branch can default to.
var ruleVersions = []struct{ value, Label string }{
	{"2026.05", "2026.05（待核对原文）"},
	{"2014", "2014"},
}

const noCommitteeText = "不设支委会（正式党员不足7人）"

// branchEditor edits some or all of data.Branch; the settings screen and the
// first-run wizard show different subsets of the same fields.
type branchEditor struct {
	texts       []branchText
	entries     []*widget.Entry
	noCommittee *widget.Check
	rule        *widget.Select // nil when the version is not offered
	// shown is the branch last put into the fields, with the version its
	// save is checked against (data.SaveBranch); nil before show.
	shown *data.Branch
}

func newBranchEditor(withRule bool, texts ...branchText) *branchEditor {
	e := &branchEditor{texts: texts, noCommittee: widget.NewCheck(noCommitteeText, nil)}
	for _, t := range texts {
		entry := widget.NewEntry()
		entry.SetPlaceHolder(t.Hint)
		if t.Label == branchName.Label {
			entry.Validator = func(s string) error {
				if data.CleanText(s) == "" {
					return errors.New("请填写支部名称")
				}
				return nil
			}
		}
		e.entries = append(e.entries, entry)
	}
	if withRule {
		var labels []string
		for _, v := range ruleVersions {
			labels = append(labels, v.Label)
		}
		e.rule = widget.NewSelect(labels, nil)
	}
	return e
}

// items are the form rows of the given fields (all of them must be in the editor).
func (e *branchEditor) items(texts ...branchText) []*widget.FormItem {
	var out []*widget.FormItem
	for _, t := range texts {
		for i := range e.texts {
			if e.texts[i].Label == t.Label {
				out = append(out, widget.NewFormItem(t.Label, e.entries[i]))
			}
		}
	}
	return out
}

func (e *branchEditor) ruleItem() *widget.FormItem {
	item := widget.NewFormItem("细则版本", e.rule)
	item.HintText = "《发展党员工作细则》版本，新录入的申请人默认用它"
	return item
}

// show puts b into the fields.
func (e *branchEditor) show(b data.Branch) {
	e.shown = &b
	for i, t := range e.texts {
		e.entries[i].SetText(*t.field(&b))
	}
	e.noCommittee.SetChecked(b.NoCommittee)
	if e.rule != nil {
		e.rule.SetSelectedIndex(0)
		for i, v := range ruleVersions {
			if v.value == b.RuleVersion {
				e.rule.SetSelectedIndex(i)
			}
		}
	}
}

// apply copies the fields into b, leaving fields the editor does not show alone.
func (e *branchEditor) apply(b *data.Branch) {
	for i, t := range e.texts {
		*t.field(b) = data.CleanText(e.entries[i].Text)
	}
	b.NoCommittee = e.noCommittee.Checked
	if e.rule != nil && e.rule.SelectedIndex() >= 0 {
		b.RuleVersion = ruleVersions[e.rule.SelectedIndex()].value
	}
}

// saveInto applies the editor to the branch it showed and saves it: a save
// over a branch someone else saved since is refused (data.ConflictError).
// An editor that showed none reads the stored branch first.
func (e *branchEditor) saveInto(s *data.Store) error {
	if e.shown == nil {
		b, err := s.Branch()
		if err != nil {
			return err
		}
		e.shown = &b
	}
	b := *e.shown
	e.apply(&b)
	if err := s.SaveBranch(b); err != nil {
		return err
	}
	saved, err := s.Branch() // with its new version
	if err == nil {
		e.shown = &saved
	}
	return err
}

type branchSection struct {
	app    *core.App
	editor *branchEditor
	loaded bool
	shown  time.Time // UpdatedAt of the branch in the form
	status *widget.Label
	edits  *widgets.Edits
}

func newBranchSection(a *core.App) fyne.CanvasObject {
	s := &branchSection{app: a, status: widget.NewLabel("")}
	s.editor = newBranchEditor(true, branchName, branchSuperior, branchUnit, branchCode, branchPhone,
		branchSecretary, branchDeputy, branchOrganization, branchPropaganda, branchDiscipline)
	s.reload()
	a.OnChange(s.reload)

	save := widget.NewButtonWithIcon("保存", theme.DocumentSaveIcon(), func() { s.save() })
	save.Importance = widget.HighImportance
	form := s.editor.settingsForm()
	s.edits = widgets.NewEdits(form, nil)
	a.Hold(&core.Unsaved{What: "支部信息", Dirty: s.edits.Dirty, Save: s.save, Discard: s.showStored, Edits: s.edits})
	return widgets.FormScroll(container.NewVBox(form, container.NewHBox(save, s.status)))
}

// settingsForm lays the editor of the settings screen out: 基本信息 and 支部委员.
func (e *branchEditor) settingsForm() fyne.CanvasObject {
	basic := widget.NewForm(append(e.items(branchName, branchSuperior, branchUnit, branchCode, branchPhone), e.ruleItem())...)
	committee := widget.NewForm(append(e.items(branchSecretary, branchDeputy, branchOrganization,
		branchPropaganda, branchDiscipline), widget.NewFormItem("", e.noCommittee))...)
	// Side by side where they fit, one under the other on a narrow screen.
	return widgets.WrapGrid(widget.NewCard("基本信息", "", basic), widget.NewCard("支部委员", "", committee))
}

// showStored puts the stored branch back into the form (放弃修改).
func (s *branchSection) showStored() {
	s.loaded = false
	s.reload()
}

// reload shows the stored branch, but only when it changed since it was
// shown and nothing is typed: other screens' changes must not wipe what the
// user is typing (its save then meets the change as a conflict).
func (s *branchSection) reload() {
	b, err := s.app.Store.Branch()
	if err != nil {
		s.app.ShowError("无法读取支部信息", err)
		return
	}
	if s.loaded && (b.UpdatedAt.Equal(s.shown) || s.edits != nil && s.edits.Dirty()) {
		return
	}
	s.loaded, s.shown = true, b.UpdatedAt
	s.editor.show(b)
	if s.edits != nil {
		s.edits.Mark()
	}
}

func (s *branchSection) save() bool {
	if err := s.editor.saveInto(s.app.Store); err != nil {
		if !s.askAboutConflict(err) {
			s.app.ShowError("支部信息没有保存", err)
		}
		return false
	}
	s.edits.Mark()
	s.status.SetText("已保存（" + time.Now().Format("15:04") + "）")
	s.app.NotifyChanged()
	return true
}

type dataSection struct {
	app      *core.App
	backups  []data.BackupInfo
	list     *widget.List
	selected int // index into backups, -1 for none
	restore  *widget.Button
	empty    *widget.Label
}

func newDataSection(a *core.App) fyne.CanvasObject {
	s := &dataSection{app: a, selected: -1}
	s.list = widget.NewList(func() int { return len(s.backups) }, newBackupRow, s.updateBackupRow)
	s.list.OnSelected = func(id widget.ListItemID) { s.selected = id; s.restore.Enable() }
	s.list.OnUnselected = func(widget.ListItemID) { s.selected = -1; s.restore.Disable() }
	s.restore = widget.NewButtonWithIcon("从此备份恢复", theme.HistoryIcon(), s.restoreSelected)
	s.empty = widgets.QuietLabel("还没有备份。")
	s.reload()
	a.OnChange(s.reload)

	path := widgets.WrappedLabel(a.Store.Dir())
	path.Selectable = true
	folder := widget.NewCard("数据文件夹", "党员名册等全部数据都保存在这个文件夹里；备份在其中的 backups 文件夹。",
		container.NewBorder(nil, nil, nil, container.NewHBox(
			widget.NewButtonWithIcon("打开数据文件夹", theme.FolderOpenIcon(), func() { openDataFolder(a) }),
			widget.NewButtonWithIcon("立即备份", theme.DocumentSaveIcon(), func() { StartBackup(a) }),
		), path))
	header := widgets.Columns(backupColumns, widgets.BoldLabel("备份时间"), widgets.BoldLabel("类型"), widgets.BoldLabel("大小"), widgets.BoldLabel("文件名"))
	buttons := container.NewHBox(s.restore,
		widget.NewButtonWithIcon("从其他位置的备份文件恢复…", theme.FolderOpenIcon(), s.chooseBackupFile))
	// The explanation wraps in the card (a subtitle would be one line wider
	// than a 1024 px screen), and the whole tab scrolls on a low screen while
	// the list keeps room for a few backups.
	about := widgets.WrappedLabel("每天第一次打开程序时自动备份（数据有变化时）；导入、恢复、接收移交包前也会自动备份。" +
		"恢复前会先备份当前数据，恢复后仍可再恢复回来。")
	listRoom := canvas.NewRectangle(color.Transparent)
	listRoom.SetMinSize(fyne.NewSize(0, backupListHeight))
	backups := widget.NewCard("备份", "",
		container.NewBorder(container.NewVBox(about, header), buttons, nil, nil, container.NewStack(listRoom, s.list, s.empty)))
	return container.NewVScroll(container.NewBorder(container.NewVBox(folder, newLocationCard(a), newHandoverCard(a)), nil, nil, nil, backups))
}

// backupListHeight is the room the list of backups keeps (about four rows)
// when the window is low and the tab scrolls.
const backupListHeight = 160

var backupColumns = []float32{170, 110, 90}

func newBackupRow() fyne.CanvasObject {
	return widgets.Columns(backupColumns, widget.NewLabel(""), widget.NewLabel(""), widget.NewLabel(""), widgets.TruncatedLabel(""))
}

func (s *dataSection) updateBackupRow(id widget.ListItemID, o fyne.CanvasObject) {
	b := s.backups[id]
	cells := o.(*fyne.Container).Objects
	cells[0].(*widget.Label).SetText(b.Time.Format("2006-01-02 15:04"))
	cells[1].(*widget.Label).SetText(b.Kind.KindName())
	cells[2].(*widget.Label).SetText(core.FileSize(b.Size))
	cells[3].(*widget.Label).SetText(b.Name)
}

func (s *dataSection) reload() {
	backups, err := s.app.Store.Backups()
	if err != nil {
		s.app.ShowError("无法列出备份", err)
		return
	}
	s.backups = backups
	s.list.UnselectAll()
	s.selected = -1
	s.restore.Disable()
	s.empty.Hidden = len(backups) > 0
	s.empty.Refresh()
	s.list.Refresh()
}

func (s *dataSection) restoreSelected() {
	if s.selected < 0 || s.selected >= len(s.backups) {
		return
	}
	b := s.backups[s.selected]
	confirmRestore(s.app, b.Time.Format("2006-01-02 15:04"), b.Path, s.reload)
}

func (s *dataSection) chooseBackupFile() {
	s.app.ChooseFileToOpen("选择备份文件（.zip 或 .db）", []string{".zip", ".db"}, func(path string) {
		confirmRestore(s.app, "“"+filepath.Base(path)+"”", path, s.reload)
	})
}

// confirmRestore asks before replacing the data with the backup at path;
// what names the backup for the user (its time or file name). after runs
// once the restore ended, successfully or not.
func confirmRestore(a *core.App, what, path string, after func()) {
	msg := fmt.Sprintf("将用 %s 的备份替换当前数据。\n当前数据会先自动备份，可以再恢复回来。确定吗？", what)
	dialog.ShowConfirm("从备份恢复", msg, func(ok bool) {
		if ok {
			restoreBackup(a, path, after)
		}
	}, a.Window)
}

func restoreBackup(a *core.App, path string, after func()) {
	a.RunWithProgress("正在恢复数据", func(core.Progress) error { return a.Store.Restore(path) }, func(err error) {
		if err != nil {
			a.ShowError("没有恢复成功", err)
			after()
			return
		}
		a.NotifyChanged()
		a.ShowInfo("恢复完成", "数据已从备份恢复。恢复前的数据已自动备份（文件名含“恢复前”），需要时可以再恢复回来。")
	})
}

// StartBackup makes a manual backup off the UI goroutine and then says where
// it went; the menu, the 工作台 and 设置与数据 all use it.
func StartBackup(a *core.App) {
	var info data.BackupInfo
	a.RunWithProgress("正在备份", func(core.Progress) error {
		var err error
		info, err = backupNow(a.Store)
		return err
	}, func(err error) {
		if err != nil {
			a.ShowError("备份没有完成", err)
			return
		}
		a.NotifyChanged() // the backup lists show the new file
		a.ShowInfo("备份完成", "已备份为 "+info.Name+"\n保存在数据文件夹的 backups 文件夹中。")
	})
}

// backupNow is the synchronous half of startBackup.
func backupNow(s *data.Store) (data.BackupInfo, error) { return s.Backup("手动") }

// openDataFolder shows the data folder in the system's file manager.
func openDataFolder(a *core.App) {
	dir := a.Store.Dir()
	if err := fyne.CurrentApp().OpenURL(core.FileURL(dir)); err != nil {
		a.ShowError("无法打开数据文件夹", fmt.Errorf("请在资源管理器中手动打开：%s", dir))
	}
}
