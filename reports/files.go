package reports

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/richardlehane/mscfb"
	"github.com/xuri/excelize/v2"

	"partyoffice/data"
	"partyoffice/data/winname"
)

// Kinds of file problems, for callers that react to them (errors.Is). The
// errors returned carry a longer message that says what to do.
var (
	ErrEmptyFile   = errors.New("文件是空的")
	ErrTooLarge    = errors.New("文件过大或已损坏")
	ErrNotWorkbook = errors.New("不是 Excel 工作簿（.xlsx）")
	ErrOldExcel    = errors.New("旧版 Excel 97-2003 文件（.xls）")
	ErrEncrypted   = errors.New("文件设有打开密码")
	ErrNoHeader    = errors.New("没有找到表头")
	ErrFileInUse   = errors.New("文件可能正在 Excel/WPS 中打开")
)

// fileError is a kind of problem with the full message for this file.
type fileError struct {
	kind error
	msg  string
}

func (e *fileError) Error() string { return e.msg }
func (e *fileError) Unwrap() error { return e.kind }

func problem(kind error, format string, args ...any) error {
	return &fileError{kind: kind, msg: fmt.Sprintf(format, args...)}
}

// Limits for untrusted workbooks (docs/ARCHITECTURE.md#untrusted-workbooks): the file itself, everything
// it unzips to, and one worksheet in memory (larger ones go to a temp file).
const (
	maxFileBytes   = 50 << 20
	unzipSizeLimit = 200 << 20
)

// unzipXMLSizeLimit: larger worksheets are spilled to a temporary file in
// data.TempDir (a variable for tests).
var unzipXMLSizeLimit int64 = 16 << 20

var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}
)

const saveAsHint = "请在 WPS 或 Excel 中打开它，点“文件 → 另存为”，保存类型选“Excel 工作簿（*.xlsx）”，再导入新保存的文件"

// openWorkbook opens an untrusted .xlsx with size limits, after checking
// what the file really is, so every refusal comes fast and in plain words.
// The caller must Close the file.
func openWorkbook(path string) (*excelize.File, error) {
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, fmt.Errorf("找不到文件“%s”，它可能已被移动或删除", filepath.Base(path))
	case err != nil:
		return nil, fmt.Errorf("无法读取文件“%s”：%w", filepath.Base(path), err)
	case st.IsDir():
		return nil, fmt.Errorf("“%s”是文件夹，请选择一个 Excel 文件", filepath.Base(path))
	case st.Size() == 0:
		return nil, problem(ErrEmptyFile, "文件是空的（0 字节），可能没有保存完整：请在 WPS/Excel 中重新保存后再导入")
	case st.Size() > maxFileBytes:
		return nil, problem(ErrTooLarge, "文件过大（%.0f MB，上限 %d MB）：党员名册不会这么大，请确认选对了文件，或删去无关的工作表和图片后再导入",
			float64(st.Size())/(1<<20), maxFileBytes>>20)
	}
	head, err := readHead(path, 512)
	if err != nil {
		return nil, fmt.Errorf("无法读取文件“%s”：%w", filepath.Base(path), err)
	}
	switch {
	case bytes.HasPrefix(head, oleMagic):
		return nil, oleProblem(path)
	case !bytes.HasPrefix(head, zipMagic):
		return nil, notWorkbook(head)
	}
	if err := checkPackage(path); err != nil {
		return nil, err
	}
	f, err := excelize.OpenFile(path, excelize.Options{
		UnzipSizeLimit: unzipSizeLimit, UnzipXMLSizeLimit: unzipXMLSizeLimit, TmpDir: data.TempDir(),
	})
	if err != nil {
		if f != nil {
			f.Close()
		}
		return nil, problem(ErrTooLarge, "文件过大或已损坏，无法读取：%s", saveAsHint)
	}
	if len(f.GetSheetList()) == 0 {
		f.Close()
		return nil, problem(ErrNotWorkbook, "文件里没有工作表：它可能是改了扩展名的其他文件（如 Word 文档或压缩包）。请选择 Excel 工作簿（.xlsx）")
	}
	return f, nil
}

// checkPackage reads only the zip's directory: other Office documents
// renamed .xlsx, and archives that would inflate past the limit (a zip
// bomb), are refused before anything is unpacked.
func checkPackage(path string) error {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return problem(ErrTooLarge, "文件已损坏，无法读取（压缩包不完整）：%s", saveAsHint)
	}
	defer zr.Close()
	var total uint64
	parts := map[string]bool{}
	for _, f := range zr.File {
		total += f.UncompressedSize64
		parts[strings.ToLower(f.Name)] = true
	}
	switch {
	case total > unzipSizeLimit:
		return problem(ErrTooLarge, "文件过大或已损坏：解压后超过 %d MB，不像是党员名册。请确认选对了文件，或在 WPS/Excel 中删去无关的工作表和图片后另存再导入", unzipSizeLimit>>20)
	case parts["word/document.xml"]:
		return problem(ErrNotWorkbook, "这是 Word 文档（.docx），不是 Excel 工作簿：请选择党员名册的 Excel 文件（.xlsx）")
	case parts["ppt/presentation.xml"]:
		return problem(ErrNotWorkbook, "这是 PowerPoint 演示文稿，不是 Excel 工作簿：请选择党员名册的 Excel 文件（.xlsx）")
	case !parts["xl/workbook.xml"]:
		return problem(ErrNotWorkbook, "这个压缩文件里没有工作表，不是 Excel 工作簿：请选择党员名册的 Excel 文件（.xlsx）")
	}
	return checkSharedStrings(&zr.Reader)
}

func readHead(path string, n int) ([]byte, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	buf := make([]byte, n)
	k, err := io.ReadFull(fh, buf)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, err
	}
	return buf[:k], nil
}

// oleProblem tells apart the old binary Office files by their streams: an
// encrypted .xlsx is an OLE file too.
func oleProblem(path string) error {
	names := oleStreams(path)
	switch {
	case names["EncryptedPackage"] || names["EncryptionInfo"]:
		return problem(ErrEncrypted, "这个工作簿设置了打开密码，无法读取：请在 WPS/Excel 中输入密码打开，取消密码（“文件 → 文档加密/保护工作簿”）后另存一份，再导入那一份")
	case names["WordDocument"]:
		return problem(ErrNotWorkbook, "这是 Word 文档（.doc），不是 Excel 工作簿：请选择党员名册的 Excel 文件（.xlsx）")
	case names["PowerPoint Document"]:
		return problem(ErrNotWorkbook, "这是 PowerPoint 演示文稿，不是 Excel 工作簿：请选择党员名册的 Excel 文件（.xlsx）")
	}
	// "Workbook"/"Book" streams, WPS .et files, or an OLE file we cannot list.
	return problem(ErrOldExcel, "这是旧版 Excel 97-2003 工作簿（.xls）或 WPS 表格（.et），本程序只能读取 .xlsx：%s", saveAsHint)
}

func oleStreams(path string) map[string]bool {
	names := map[string]bool{}
	fh, err := os.Open(path)
	if err != nil {
		return names
	}
	defer fh.Close()
	doc, err := mscfb.New(fh)
	if err != nil {
		return names
	}
	for entry, err := doc.Next(); err == nil; entry, err = doc.Next() {
		names[entry.Name] = true
	}
	return names
}

// notWorkbook explains a file that is neither a zip (xlsx) nor an OLE file.
func notWorkbook(head []byte) error {
	text := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	switch {
	case bytes.HasPrefix(text, []byte("<")):
		return problem(ErrNotWorkbook, "这个文件其实是网页或 XML 格式的表格（常见于从网上系统导出的“.xls”），只是扩展名像 Excel：%s", saveAsHint)
	case bytes.HasPrefix(head, []byte("%PDF")):
		return problem(ErrNotWorkbook, "这是 PDF 文件，不是 Excel 工作簿：请选择党员名册的 Excel 文件（.xlsx）")
	case bytes.HasPrefix(head, []byte("{\\rtf")):
		return problem(ErrNotWorkbook, "这是 RTF 文档，不是 Excel 工作簿：请选择党员名册的 Excel 文件（.xlsx）")
	case looksLikeText(text):
		return problem(ErrNotWorkbook, "这是纯文本文件（如 .txt 或 .csv），不是 Excel 工作簿：%s", saveAsHint)
	}
	return problem(ErrNotWorkbook, "这个文件不是 Excel 工作簿（.xlsx），可能是改了扩展名的其他文件或已经损坏：请选择党员名册的 Excel 文件")
}

// looksLikeText: no NUL or control bytes (UTF-8 and GBK text alike).
func looksLikeText(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	for _, c := range b {
		if c == 0 || (c < 0x20 && c != '\t' && c != '\r' && c != '\n') {
			return false
		}
	}
	return true
}

// saveAtomically writes the workbook next to path and renames it into
// place, so a failed export never leaves half a file behind.
func saveAtomically(f *excelize.File, path string) error {
	if msg := winname.Problem(filepath.Base(path)); msg != "" { // the file goes to Windows PCs
		return fmt.Errorf("%s：请换一个文件名", msg)
	}
	if err := stampMaker(f); err != nil {
		return exportFailed(err)
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "~partyoffice-*.tmp")
	if err != nil {
		return writeError(dir, err)
	}
	tmpName := tmp.Name()
	defer os.Remove(tmpName) // a no-op once renamed
	_, err = f.WriteTo(tmp)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return writeError(dir, err)
	}
	if err := os.Rename(tmpName, path); err != nil {
		// On Windows a workbook open in Excel/WPS cannot be replaced.
		return problem(ErrFileInUse, "无法写入“%s”：文件可能正在 Excel/WPS 中打开，请先关闭它再导出（或换一个文件名）", filepath.Base(path))
	}
	return nil
}

// stampMaker names the app and its version (FyneApp.toml) in the file's
// properties (Windows: 属性 → 详细信息, 作者 and 程序名称), so an office can
// tell which version wrote a sheet that reached it. A workbook whose writer
// set its own properties (setFileInfo: branch as author, report as title)
// keeps them; one that set none gets the app's name.
func stampMaker(f *excelize.File) error {
	if app, err := f.GetAppProps(); err != nil || app.Application == "" || app.Application == "Microsoft Excel" {
		if err := f.SetAppProps(&excelize.AppProperties{Application: AppName + " " + data.AppVersion}); err != nil {
			return err
		}
	}
	if doc, err := f.GetDocProps(); err == nil && doc.Title != "" {
		return nil
	}
	return f.SetDocProps(&excelize.DocProperties{Creator: AppName, LastModifiedBy: AppName,
		Description: "由" + AppName + " " + data.AppVersion + "导出", Created: nowRFC3339(), Modified: nowRFC3339()})
}

func nowRFC3339() string { return time.Now().UTC().Format(time.RFC3339) }

func writeError(dir string, err error) error {
	switch {
	case errors.Is(err, os.ErrPermission):
		return fmt.Errorf("没有权限在文件夹“%s”中保存文件，请换一个文件夹（例如“桌面”或“文档”）", dir)
	case errors.Is(err, os.ErrNotExist):
		return fmt.Errorf("文件夹“%s”不存在，请重新选择保存位置", dir)
	case strings.Contains(err.Error(), "no space") || strings.Contains(err.Error(), "not enough space"):
		return errors.New("磁盘空间已满，请清理磁盘或换一个位置后再导出")
	}
	return fmt.Errorf("保存文件失败：%w", err)
}

// WithXLSX adds .xlsx to a file name chosen without an extension (Fyne's save
// dialog does not add one).
func WithXLSX(path string) string {
	if filepath.Ext(path) == "" {
		return path + ".xlsx"
	}
	return path
}
