package data

import "gorm.io/gorm"

// The 区/市 local requirements (domain.md §9; docs/rules.md, "Local
// requirements"): the meeting types marked Local (意识形态专题会议, 集中学习 …),
// the 书记's 思政课 targets (4 次 / 4 课时 a semester) and the yearly
// 优秀青年教师 target. A new branch starts with the national rules only and
// the first-run wizard asks whether to switch them on; the demo branch has
// them on. A store where the setting was never written (a branch set up
// before it existed, or no branch yet) keeps them on, as it had them: the
// first save of 支部信息 writes "off" (defaultLocalOff).
const settingLocalRequirements = "local_requirements"

const (
	localOn  = "on"
	localOff = "off"
)

// LocalRequirements reports whether the local requirements are checked.
func (s *Store) LocalRequirements() bool {
	return s.Setting(settingLocalRequirements) != localOff
}

// SetLocalRequirements switches the local requirements on or off (audited).
func (s *Store) SetLocalRequirements(on bool) error {
	return s.SetSetting(settingLocalRequirements, localValue(on))
}

func localValue(on bool) string {
	if on {
		return localOn
	}
	return localOff
}

// defaultLocalOff records, on the first save of the branch (the first-run
// wizard), that a new branch has the national rules only, unless the
// wizard chose already.
func defaultLocalOff(tx *gorm.DB, before Branch) error {
	if before.Name != "" {
		return nil
	}
	var st Setting
	tx.Limit(1).Find(&st, "key = ?", settingLocalRequirements)
	if st.Value != "" {
		return nil
	}
	return put(tx, &Setting{Key: settingLocalRequirements, Value: localOff})
}

// NationalOnly is the settings without the local requirements: the local
// meeting types not required and no 思政课 targets.
func (ms MeetingSettings) NationalOnly() MeetingSettings {
	out := ms
	out.Types = append([]MeetingTypeRule(nil), ms.Types...)
	for i := range out.Types {
		if out.Types[i].Local {
			out.Types[i].Every, out.Types[i].Times = NotRequired, 0
		}
	}
	out.ListenPerSemester, out.TeachHoursPerSemester = 0, 0
	return out
}
