package demo

import (
	"fmt"
	"math/rand/v2"

	"partyoffice/data/civil"
	"partyoffice/data/idcard"
)

// areaCodes maps the 籍贯 of the table to a GB/T 2260 地址码 of that place.
var areaCodes = map[string]string{
	"宁夏银川":  "640106",
	"宁夏永宁":  "640121",
	"宁夏贺兰":  "640122",
	"宁夏吴忠":  "640302",
	"宁夏同心":  "640324",
	"宁夏石嘴山": "640202",
	"宁夏固原":  "640402",
	"宁夏中卫":  "640502",
	"甘肃天水":  "620502",
	"甘肃武威":  "620602",
	"甘肃平凉":  "620802",
	"陕西西安":  "610113",
	"陕西榆林":  "610802",
	"山西大同":  "140213",
	"内蒙古包头": "150203",
}

// mobilePrefixes are the first three digits of common mobile numbers.
var mobilePrefixes = []string{"139", "138", "135", "151", "152", "158", "180", "181", "189", "133", "177", "199", "157"}

// communities are residential compounds in 金凤区 for the 家庭住址.
var communities = []string{"阅海万家", "宝湖湾小区", "紫园小区", "金凤花园", "绿地21城", "中海国际社区",
	"万达华府", "正丰花园", "湖畔嘉苑", "森林半岛", "亲水家园", "西城阳光"}

// outsideIntroducers are the 入党介绍人 of members admitted at university:
// teachers there, not members of this branch.
var outsideIntroducers = []string{"胡振东", "柴玉梅", "石永平", "严立新", "龚丽君", "常海涛",
	"尹春梅", "段国栋", "汪淑珍", "钱明远", "雷小红", "侯德胜", "邵建华", "秦淑芬", "夏永强", "熊丽萍"}

// details draws the parts of a record that only need to be plausible, and
// keeps ID numbers and phone numbers unique.
type details struct {
	rng     *rand.Rand
	used    map[string]bool
	nextOut int // position in outsideIntroducers
}

func newDetails(rng *rand.Rand) *details {
	return &details{rng: rng, used: map[string]bool{}}
}

// dayIn is a day in the year; the 28th at the latest so every month has it.
func (d *details) dayIn(year int) civil.Date {
	return civil.New(year, 1+d.rng.IntN(12), 1+d.rng.IntN(28))
}

// idNumber builds an 18-digit 公民身份号码: 地址码, birth date, a sequence
// whose last digit is odd for men and even for women, and the MOD 11-2 check.
func (d *details) idNumber(area string, birth civil.Date, male bool) (string, error) {
	for range 100 {
		seq := 2 * d.rng.IntN(500) // even: 000–998
		if male {
			seq++
		}
		first17 := fmt.Sprintf("%s%04d%02d%02d%03d", area, birth.Year, birth.Month, birth.Day, seq)
		n := first17 + string(idcard.CheckDigit(first17))
		if _, err := idcard.Read(n); err != nil {
			return "", err
		}
		if d.unique(n) {
			return n, nil
		}
	}
	return "", fmt.Errorf("无法为 %s 生成不重复的身份证号", birth)
}

// mobile is an 11-digit mobile number, different from every other one.
func (d *details) mobile() string {
	for {
		n := mobilePrefixes[d.rng.IntN(len(mobilePrefixes))] + fmt.Sprintf("%08d", d.rng.IntN(100_000_000))
		if d.unique(n) {
			return n
		}
	}
}

func (d *details) address() string {
	c := communities[d.rng.IntN(len(communities))]
	return fmt.Sprintf("银川市金凤区%s%d号楼%d单元%d%02d室", c,
		1+d.rng.IntN(24), 1+d.rng.IntN(4), 1+d.rng.IntN(18), 1+d.rng.IntN(4))
}

// outsiders are the next n names of outsideIntroducers, wrapping round.
func (d *details) outsiders(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = outsideIntroducers[d.nextOut%len(outsideIntroducers)]
		d.nextOut++
	}
	return out
}

func (d *details) unique(s string) bool {
	if d.used[s] {
		return false
	}
	d.used[s] = true
	return true
}
