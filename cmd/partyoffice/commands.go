package main

// The one table of subcommands and of the registers that `export` and
// `import` handle besides the 党员名册. Nothing is registered from init
// functions: adding a command is one entry in commandTable (help lists them
// in this order) plus its run method; adding an export or import register is
// one entry in exportKinds or importKinds plus a help line.

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"partyoffice/data"
	"partyoffice/reports"
)

// command is one subcommand: its help entry and the function that runs it.
type command struct {
	name    string
	args    string   // argument synopsis for the help text
	summary string   // what it does
	options []string // one help line per option
	run     func(c *cli, args []string) error
}

// commandTable is every subcommand in the order help lists them: the
// everyday ones first, version and help last. It is a function, not a
// package variable, because help lists the table it is part of (a variable
// would be an initialization cycle).
func commandTable() []command {
	return []command{
		{name: "demo", summary: "在空的数据库中载入一个示例学校党支部（约35名党员、3个党小组），用来试用",
			run: (*cli).demo},
		{name: "import", args: "members 文件.xlsx [--dry-run] [--skip-bad] [--update] [--json]",
			summary: "从 Excel 表格导入党员名册（先找表头行，按列名和列中的值对应；其他党建系统导出的名册也可以导入）" +
				"；import activists 导入入党申请人、积极分子和发展对象及其各步骤的日期" +
				"；import meetings 导入用 Excel 记的会议台账" +
				"；以及党费核定基数和缴纳记录、培训、谈心谈话、工作责任清单、问题整改、工作事项、优化前后对比和民主评议等年度台账",
			options: slices.Concat([]string{
				"--dry-run    只检查并报告，不写入任何数据",
				"--skip-bad   跳过有错误的行，只导入没有错误的行（默认：有一行错误就什么都不导入）",
				"--update     已登记的人（按身份证号对应，没有身份证号时按工号，再按姓名和出生日期），用表格中的信息更新（默认：跳过这些人）",
				"--json       以 JSON 输出结果：imported, updated, skipped, errors, warnings（按值判断过的列另有 column_suggestions）",
			}, devImportHelp, meetingImportHelp, yearImportHelp()),
			run: (*cli).importMembers},
		{name: "export", args: "报表 --out 文件.xlsx [选项]",
			summary: "把名册、统计表和记录导出为可打印的 Excel 表格；报表是下列之一（与窗口中的导出是同一份清单）：",
			options: exportHelp(),
			run:     (*cli).exportMembers},
		{name: "report", args: "pack --year 年份 [--half 1|2 | --quarter 季度 | --as-of 日期] [--only 材料,…] --out 文件.xlsx|文件夹 [--json] | archive --year 年份 --out 文件.pdf",
			summary: "一次生成向上级报送的全部材料（封面、汇总图表、各名册和统计表），或年度归档 PDF",
			options: reportHelp, run: (*cli).report},
		{name: "template", args: "fill 模板.xlsx [--map 对应关系.json] --out 文件.xlsx [--json]",
			summary: "把党员名册填进上级发来的表格模板：样式、合并的标题、列宽和打印设置不变，名册写在模板的表头下面",
			options: []string{
				"--map   模板各列对应的字段（JSON：{\"模板列名\": \"字段\"}，\"\" 表示不填），并记住它；不写时用上次为同名模板记住的，否则按列名自动对应",
				"--out   填好的表保存到哪个文件（不能是模板本身）",
				"--json  以 JSON 输出：用到的对应关系和没有对应字段的列",
			},
			run: (*cli).template},
		{name: "district", args: "merge 上报材料.xlsx… | --dir 文件夹 | --from-server [--year 年份 …] --out 汇总.xlsx [--name 单位] [--json]",
			summary: "（区、党工委用）汇总各支部的上报材料：每个支部一行统计、合计、各名册合在一起（带所在党支部），问题另列一表；不需要数据文件夹",
			options: []string{
				"--dir          汇总这个文件夹中的全部 .xlsx 文件",
				"--from-server  不用上报材料，直接按服务器上各支部的实时数据生成各自的上报材料再汇总（结果与汇总各支部报来的材料相同）；需同时用 --db 指定服务器，用区管理员账户",
				"--year、--half、--quarter、--as-of  与 --from-server 同用：汇总哪个期间，写法同 report pack（默认：今年）",
				"--out          汇总表保存到哪个文件",
				"--name         汇总表标题中的单位名称，例如 XX区教育工委",
				"--json         以 JSON 输出：每个文件的状态、问题和合计",
			},
			run: (*cli).district},
		{name: "backup", args: "[--out 文件]",
			summary: "备份全部数据；不写 --out 时存到数据文件夹的 backups 中（含附件）；--out 文件以 .db 结尾时只备份数据库本身，其他（如 .zip）连同附件一起备份",
			run:     (*cli).backup},
		{name: "migrate", args: "--to postgres://… | --to-folder 文件夹 [--branch 支部编号]",
			summary: "把数据搬到数据库服务器上（--to：本机数据文件夹连同附件复制到服务器上一个还没有人员的支部），或把一个支部从服务器搬回本机（--to-folder，需同时用 --db 指定服务器）；复制后逐表核对行数和校验和",
			options: []string{
				"--branch  服务器上的支部编号：支部账户只能搬本支部，不用写；数据库所有者（信息中心）用它指定搬进或搬出哪个支部（搬上去默认第 1 号；搬回本机时服务器上有多个支部就必须写）",
				"服务器上已有其他支部时，搬上去的各条记录的内部编号统一加上一个整千的数，避免与其他支部冲突；核对时按这个数比较",
			},
			run: (*cli).migrate},
		{name: "server-user", args: "list | add … | remove 登录名 | password 登录名",
			summary: "（信息中心用，需 --db 用建库时的管理员账户）管理数据库服务器上的登录用户：支部用户只看、只改本支部，区管理员只读查看全部支部",
			options: serverUserHelp, run: (*cli).serverUser},
		{name: "restore", args: "备份文件 [--yes]",
			summary: "用一份备份替换现在的数据（替换前会先自动备份现在的数据）；在终端中会先询问，--yes 不再询问；移交包请用 receive",
			run:     (*cli).restore},
		{name: "backups", summary: "列出数据文件夹中的备份", run: (*cli).listBackups},
		{name: "check", args: "[--json] [--on 日期]",
			summary: "检查发展党员记录、三会一课、党费和年度台账：违反规定的错误，以及到期、逾期和即将到期的事项（最紧急的在前）",
			options: []string{
				"--json       以 JSON 数组输出：person, id_number, rule, severity (error|reminder), message, due",
				"--on         按哪一天检查，例如 2026-12-01（默认：今天）；该日以后的记录不计",
			},
			run: (*cli).check},
		{name: "goals", args: "[--year 年份] [--on 日期]",
			summary: "显示年度目标完成进度（培训学时、轮训、工作责任清单、三帐二单一图、党建品牌、评星定级、先锋岗、谈心谈话覆盖、党费欠缴）",
			run:     (*cli).goals},
		{name: "print", args: "development|transfer|notice --out 文件.png [--title 标题]",
			summary: "生成可打印的A4图片：发展党员工作流程图、组织关系转接流程图（按步骤数据绘制），或一次性告知单（用支部信息填写）",
			options: []string{"--title      notice：告知单标题中的几个字，例如 入党（默认：第一张）"},
			run:     (*cli).printYear},
		{name: "handover", args: "--out 文件 [--password-file 密码文件] [--list 清单.xlsx]",
			summary: "制作移交包：全部数据和附件打包成一个文件，交给下一任书记（每个文件带校验值）",
			options: []string{
				"--out            移交包保存到哪个文件，例如 --out 移交包.poh",
				"--password-file  从这个文件的第一行读取密码，给移交包加密（AES-256）；不写则不加密",
				"--list           同时导出可打印的移交清单（Excel），供移交人、接收人、监交人签字",
			},
			run: (*cli).handover},
		{name: "receive", args: "文件 [--password-file 密码文件] [--yes]",
			summary: "接收移交包：逐一核对校验值，显示其中的内容，确认后替换数据文件夹中的数据（替换前自动备份）",
			options: []string{
				"--password-file  从这个文件的第一行读取移交包的密码",
				"--yes            不再询问，直接替换（用于脚本）",
			},
			run: (*cli).receive},
		{name: "operator", args: "[姓名]",
			summary: "显示或设置使用人（操作记录中记下的“操作人”，例如：组织委员 张静）",
			run:     (*cli).operator},
		{name: "branches", args: "[--json]",
			summary: "（区管理员用，需 --db）列出服务器上的各支部：编号、名称、人数；导出某个支部的名册等用 export … --branch 编号",
			options: []string{"--json  以 JSON 数组输出：id, name, people"},
			run:     (*cli).branches},
		{name: "branch", args: "[--name 名称] [--parent 上级党委] [--unit 单位] [--code 代码] [--secretary 书记] [--phone 电话]",
			summary: "显示支部信息；写了选项时保存这些项（没写的项不变）",
			options: branchHelp(), run: (*cli).branch},
		{name: "version", summary: "显示版本", run: (*cli).version},
		{name: "help", summary: "显示本说明", run: (*cli).help},
	}
}

func findCommand(name string) *command {
	commands := commandTable()
	for i := range commands {
		if commands[i].name == name {
			return &commands[i]
		}
	}
	return nil
}

// registerKind is a register that export or import handles besides the
// 党员名册. run gets the command's whole argument list (the kind's name
// included) and parses its own options.
type registerKind struct {
	title string
	run   func(c *cli, args []string) error
}

// exportKinds maps the REPORT argument of `export` (other than members) to
// its export: every entry of reports.Exports, run by runExport.
func exportKinds() map[string]registerKind {
	kinds := map[string]registerKind{}
	for _, e := range reports.Exports() {
		if e.Verb != "members" { // export's own case (cli.go)
			kinds[e.Verb] = registerKind{title: e.Name, run: func(c *cli, args []string) error { return c.runExport(e, args) }}
		}
	}
	return kinds
}

// importKinds maps the REPORT argument of `import` (other than members) to
// its register.
func importKinds() map[string]registerKind {
	kinds := map[string]registerKind{
		"activists": {title: "入党申请人、积极分子和发展对象名册", run: (*cli).importActivists},
		"meetings":  {title: "会议记录（三会一课台账）", run: (*cli).importMeetings},
	}
	for i := range reports.YearImports {
		im := &reports.YearImports[i]
		kinds[im.Kind] = registerKind{title: im.Title, run: func(c *cli, args []string) error { return c.importYear(im, args) }}
	}
	return kinds
}

func printHelp(w io.Writer) {
	fmt.Fprintf(w, "党支部工作台 %s\n\n", data.AppVersion)
	fmt.Fprintln(w, "用法：")
	fmt.Fprintln(w, "  partyoffice                          打开程序窗口")
	fmt.Fprintln(w, "  partyoffice [--data 文件夹] [--password-file 文件] 命令 [参数]")
	fmt.Fprintln(w, "\n命令：")
	for _, c := range commandTable() {
		fmt.Fprintf(w, "  %s\n      %s\n", strings.TrimSpace(c.name+" "+c.args), c.summary)
		for _, o := range c.options {
			fmt.Fprintf(w, "      %s\n", o)
		}
	}
	fmt.Fprintln(w, "\n全局选项：")
	fmt.Fprintf(w, "  --data 文件夹   数据所在的文件夹，也可以用环境变量 %s 指定\n", dataEnv)
	fmt.Fprintf(w, "  --db 连接串     数据在 PostgreSQL 服务器上：postgres://用户:密码@服务器:5432/数据库?sslmode=prefer；也可以用环境变量 %s 指定\n", serverEnv)
	if dir, err := defaultDataDir(); err == nil {
		fmt.Fprintf(w, "                  默认：%s\n", dir)
	}
	fmt.Fprintln(w, "  --password-file 文件  设置了应用密码时，除 help、version、backups 外的命令都需要它：")
	fmt.Fprintln(w, "                  从这个文件的第一行读取密码（写在命令名之前）；在终端中不写则会询问")
	fmt.Fprintln(w, "\n退出码：0 成功；1 失败；2 命令写得不对；3 数据文件夹正被另一个窗口使用；4 数据文件已损坏")
}
