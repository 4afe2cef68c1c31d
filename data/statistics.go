package data

// Tally is one bar of a chart: a label and how many people it counts.
type Tally struct {
	Label string
	Count int
}

// DevelopmentFunnel is the 发展党员 pipeline now: how many people stand at
// each stage, from 入党申请人 to 预备党员.
func DevelopmentFunnel(c RegisterCounts) []Tally {
	return []Tally{
		{string(StageApplicant), c.Applicants},
		{string(StageActivist), c.Activists},
		{string(StageCandidate), c.Candidates},
		{string(StageProbationer), c.Probationer},
	}
}
