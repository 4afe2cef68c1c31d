// Package winname says whether Windows can hold a file name. The app runs on
// Windows office PCs, so a name Windows refuses (or silently maps to a
// device) is refused everywhere: in packages made on Linux and in exports.
package winname

import "strings"

// reserved are the device names Windows keeps in every folder, with or
// without an extension (docs: learn.microsoft.com “Naming Files, Paths, and
// Namespaces”).
var reserved = map[string]bool{"CON": true, "PRN": true, "AUX": true, "NUL": true,
	"CONIN$": true, "CONOUT$": true}

func init() {
	for _, d := range "123456789¹²³" {
		reserved["COM"+string(d)] = true
		reserved["LPT"+string(d)] = true
	}
}

// Problem is why Windows cannot hold the single name element name, in
// words for the user; "" when it can.
func Problem(name string) string {
	switch {
	case name == "":
		return "文件名是空的"
	case strings.HasSuffix(name, ".") || strings.HasSuffix(name, " "):
		return "文件名“" + name + "”以点或空格结尾，Windows 无法保存"
	case strings.ContainsAny(name, `<>:"/\|?*`):
		return "文件名“" + name + "”含有 Windows 不允许的字符（< > : \" / \\ | ? *）"
	}
	for _, r := range name {
		if r < 0x20 {
			return "文件名“" + name + "”含有控制字符"
		}
	}
	stem := name
	if i := strings.IndexByte(stem, '.'); i >= 0 {
		stem = stem[:i]
	}
	if reserved[strings.ToUpper(strings.TrimRight(stem, " "))] {
		return "文件名“" + name + "”是 Windows 保留的设备名，无法保存"
	}
	return ""
}

// PathProblem checks every element of a slash-separated relative path.
func PathProblem(p string) string {
	for _, el := range strings.Split(p, "/") {
		if msg := Problem(el); msg != "" {
			return msg
		}
	}
	return ""
}
