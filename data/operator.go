package data

import (
	"errors"
	"strings"
	"unicode/utf8"
)

// The audit log names the person who used the program (组织委员 张静), as
// entered at first run or in the settings, not the computer's login name:
// an office PC's login is often “Administrator” or a predecessor's name.

// SettingOperator is the setting holding that name.
const SettingOperator = "operator"

// unnamedOperator is recorded until a name is set.
const unnamedOperator = "未填写使用人"

// Operator is the name the audit log records for this data folder's user
// ("" when none was entered yet: the first-run screen asks for it).
func (s *Store) Operator() string { return s.Setting(SettingOperator) }

// SetOperator stores the user's name (e.g. 组织委员 张静); later changes
// are recorded under it.
func (s *Store) SetOperator(name string) error {
	name = strings.TrimSpace(name)
	switch {
	case name == "":
		return errors.New("请填写使用人的姓名（例如：组织委员 张静）")
	case utf8.RuneCountInString(name) > FieldMaxLen[FieldName]:
		return errors.New("使用人的名称太长，请只写职务和姓名")
	}
	if err := s.SetSetting(SettingOperator, name); err != nil {
		return err
	}
	s.Actor = name
	return nil
}

// actorOf is who the audit log names after opening the store.
func (s *Store) actorOf() string {
	if name := s.Operator(); name != "" {
		return name
	}
	return unnamedOperator
}
