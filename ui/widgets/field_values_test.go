//go:build ci

package widgets_test

import (
	"reflect"
	"testing"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"partyoffice/ui/widgets"
)

// A form is read field by field by its labels: the kit's fields (several
// inputs joined, ticked boxes by their text, a group of fields field by
// field), an entry naming its own field and a widget.Form's items; two readings differ only where a value
// does.
func TestFieldValuesByLabel(t *testing.T) {
	test.NewTempApp(t)
	read := func(place string, lecture bool) []widgets.FieldValue {
		e := widgets.NewFormEntry()
		e.SetText(place)
		a, b := widget.NewCheck("党课", nil), widget.NewCheck("主题党日", nil)
		a.SetChecked(lecture)
		b.SetChecked(true)
		start, end := widgets.NewFormEntry(), widgets.NewFormEntry()
		start.SetText("14:30")
		end.SetText("16:00")
		group := widgets.NewFormField("时间", container.NewVBox(
			widgets.NewFormField("开始", start).Row, widgets.NewFormField("结束", end).Row))
		phone := widget.NewEntry()
		phone.SetText("0951-1")
		agenda := widgets.NewMultiLineFormEntry()
		agenda.Field = "议题"
		agenda.SetText("学习条例")
		return widgets.FieldValues(container.NewVBox(agenda,
			widgets.NewFormField("地点", e).Row,
			widgets.NewFormField("会议类型", container.NewHBox(a, b)).Row,
			group.Row,
			widget.NewForm(widget.NewFormItem("联系电话", phone), widget.NewFormItem("", widget.NewCheck("不设支委会", nil)))))
	}
	mine := read("三楼会议室", true)
	want := []widgets.FieldValue{{Field: "议题", Value: "学习条例"}, {Field: "地点", Value: "三楼会议室"}, {Field: "会议类型", Value: "党课、主题党日"},
		{Field: "开始", Value: "14:30"}, {Field: "结束", Value: "16:00"},
		{Field: "联系电话", Value: "0951-1"}, {Field: "不设支委会", Value: "否"}}
	if !reflect.DeepEqual(mine, want) {
		t.Fatalf("FieldValues = %+v\nwant %+v", mine, want)
	}
	got := widgets.ChangedFields(mine, read("党员活动室", false))
	wantChanges := []widgets.FieldChange{{Field: "地点", Mine: "三楼会议室", Theirs: "党员活动室"},
		{Field: "会议类型", Mine: "党课、主题党日", Theirs: "主题党日"}}
	if !reflect.DeepEqual(got, wantChanges) {
		t.Fatalf("ChangedFields = %+v\nwant %+v", got, wantChanges)
	}
}
