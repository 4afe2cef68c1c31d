package reports

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"partyoffice/data"
)

// DistrictFromServer is the district's consolidation from live records: the
// branches on the server (all of them for a 区管理员 or the owner) each get
// their 上报 pack built from a read-only view of their records
// (data.Store.BranchView), exactly as the branch's own 生成上报材料 builds it,
// and the packs are merged by the same code as the packs branches send
// (ReadPacks). So the 汇总 is the same whichever way it was made;
// WriteMerge writes it. The packs live in a temporary folder only while
// they are read. progress counts branches, then the merge.
func DistrictFromServer(s *data.Store, opt PackOptions, progress func(done, total int)) (*Merge, error) {
	if !s.OnServer() {
		return nil, errors.New("从服务器汇总需要连接数据库服务器：本机数据文件只有一个支部，请用各支部报来的上报材料汇总")
	}
	branches, err := s.ServerBranches()
	if err != nil {
		return nil, err
	}
	if len(branches) == 0 {
		return nil, errors.New("服务器上还没有任何支部的数据")
	}
	if len(branches) > maxPacks {
		return nil, fmt.Errorf("服务器上有 %d 个支部，一次最多汇总 %d 个", len(branches), maxPacks)
	}
	work, err := os.MkdirTemp("", "partyoffice-district-*")
	if err != nil {
		return nil, fmt.Errorf("无法建立临时文件夹：%w", err)
	}
	defer os.RemoveAll(work)
	opt.Progress = nil
	total := len(branches) + 1
	var paths []string
	for i, b := range branches {
		path, err := packOfBranch(s, b, opt, work)
		if err != nil {
			return nil, fmt.Errorf("第 %d 号支部%s的上报材料生成失败：%w", b.ID, branchLabel(b.Name), err)
		}
		paths = append(paths, path)
		report(progress, i+1, total)
	}
	m, err := ReadPacks(paths, nil)
	report(progress, total, total)
	return m, err
}

// packOfBranch writes the 上报 pack of branch b, from its view, into work.
func packOfBranch(s *data.Store, b data.ServerBranch, opt PackOptions, work string) (string, error) {
	view, err := s.BranchView(b.ID)
	if err != nil {
		return "", err
	}
	defer view.Close()
	pack, err := PreparePack(view, opt)
	if err != nil {
		return "", err
	}
	defer pack.Close()
	// Numbered: two branches may carry the same name (the merge then says
	// 重复上报, as it would of two such files).
	path := filepath.Join(work, fmt.Sprintf("%03d_%s.xlsx", b.ID, pack.FolderName()))
	return path, pack.WriteWorkbook(path)
}

func branchLabel(name string) string {
	if name == "" {
		return ""
	}
	return "（" + name + "）"
}
